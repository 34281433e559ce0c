using GateDsl.Training.Data;
using static TorchSharp.torch;

namespace GateDsl.Training.Tasks;

/// <summary>
/// The adding problem (Hochreiter and Schmidhuber 1997, in the form of Le, Jaitly and Hinton 2015):
/// each step carries a value drawn uniformly from [0, 1) and a marker; exactly two steps are marked,
/// one in each half of the sequence; the target is the sum of the two marked values, read from the
/// last step. The metric is the mean squared error; always answering 1 scores about 0.167. The data
/// are generated from fixed seeds (SplitMix64 streams 1, 2, 3 for train, valid, test) and do not
/// depend on <c>--seed</c>.
/// </summary>
internal sealed class AddingTask : TrainingTask
{
    /// <summary>The sequence length when <c>--task adding</c> gives none.</summary>
    public const int DefaultLength = 100;

    private readonly int length;
    private readonly Dictionary<Split, (float[] Inputs, float[] Targets)> parts = new();

    public AddingTask(int length, GeneratedSizes sizes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 2);
        this.length = length;
        foreach (var split in Enum.GetValues<Split>())
        {
            parts[split] = Generate(length, sizes[split], SplitMix64.For(0, (int)split + 1));
        }
    }

    public override string Name => "adding";

    public override string Variant => length.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public override TaskMetric Metric => TaskMetric.MeanSquaredError;

    public override int InputSize => 2;

    public override int OutputSize => 1;

    public override TaskDefaults Defaults { get; } = new(HiddenSize: 128, Layers: 1, Dropout: 0, BatchSize: 64, Epochs: 20);

    public override string DataDescription =>
        $"generated: {Count(Split.Train)} / {Count(Split.Valid)} / {Count(Split.Test)} sequences of {length} steps (fixed seeds)";

    public override int Count(Split split) => parts[split].Targets.Length;

    public override Batch MakeBatch(Split split, IReadOnlyList<int> indices)
    {
        var (inputs, targets) = parts[split];
        var b = indices.Count;
        var x = new float[length * b * 2];
        var y = new float[b];
        for (var n = 0; n < b; n++)
        {
            var i = indices[n];
            y[n] = targets[i];
            for (var t = 0; t < length; t++)
            {
                x[(t * b + n) * 2] = inputs[(i * length + t) * 2];
                x[(t * b + n) * 2 + 1] = inputs[(i * length + t) * 2 + 1];
            }
        }

        return new Batch
        {
            Input = tensor(x, new long[] { length, b, 2 }),
            StepMask = ones(new long[] { length, b }, dtype: ScalarType.Bool),
            Lengths = Enumerable.Repeat((long)length, b).ToArray(),
            Targets = tensor(y),
            Items = b,
        };
    }

    public override LossParts Loss(Tensor logits, Batch batch)
    {
        var prediction = LastStep(logits, batch).squeeze(1);
        return new LossParts((prediction - batch.Targets).square().sum(), null);
    }

    private static (float[] Inputs, float[] Targets) Generate(int length, int count, SplitMix64 random)
    {
        var inputs = new float[count * length * 2];
        var targets = new float[count];
        var half = length / 2;
        for (var n = 0; n < count; n++)
        {
            for (var t = 0; t < length; t++)
            {
                inputs[(n * length + t) * 2] = (float)random.NextDouble();
            }

            var first = random.NextInt(half);
            var second = half + random.NextInt(length - half);
            inputs[(n * length + first) * 2 + 1] = 1;
            inputs[(n * length + second) * 2 + 1] = 1;
            targets[n] = inputs[(n * length + first) * 2] + inputs[(n * length + second) * 2];
        }

        return (inputs, targets);
    }
}
