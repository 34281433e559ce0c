using GateDsl.Training.Data;
using static TorchSharp.torch;

namespace GateDsl.Training.Tasks;

/// <summary>
/// The copy task (a long-memory task in the line of Hochreiter and Schmidhuber 1997, in the form of
/// Arjovsky, Shah and Bengio 2016): <see cref="DefaultSymbols"/> symbols drawn from an alphabet of
/// <see cref="Alphabet"/>, then <c>delay</c> blank steps whose last is a delimiter, then as many
/// blank steps as symbols, during which the model must output the symbols in order. Inputs
/// are one-hot over the alphabet, blank and delimiter (10 values); only the recall steps are scored.
/// The metric is the accuracy per recalled symbol (chance 1/8); the data loss is the cross-entropy
/// per recalled symbol (chance ln 8 = 2.079 nats). Data come from fixed seeds (SplitMix64 streams
/// 11, 12, 13) and do not depend on <c>--seed</c>.
/// </summary>
internal sealed class CopyTask : TrainingTask
{
    /// <summary>Symbols to remember in <c>gatec train --task copy</c>.</summary>
    public const int DefaultSymbols = 10;

    /// <summary>Size of the alphabet the symbols come from.</summary>
    public const int Alphabet = 8;

    /// <summary>The delay when <c>--task copy</c> gives none.</summary>
    public const int DefaultDelay = 20;

    private const int Blank = Alphabet;
    private const int Delimiter = Alphabet + 1;

    private readonly int delay;
    private readonly Dictionary<Split, int[]> parts = new();

    /// <summary>The task with sequences of <paramref name="symbols"/> symbols recalled after <paramref name="delay"/> steps.</summary>
    public CopyTask(int delay, GeneratedSizes sizes, int symbols = DefaultSymbols)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(symbols, 1);
        this.delay = delay;
        Symbols = symbols;
        foreach (var split in Enum.GetValues<Split>())
        {
            var random = SplitMix64.For(0, (int)split + 11);
            parts[split] = Enumerable.Range(0, sizes[split] * Symbols).Select(_ => random.NextInt(Alphabet)).ToArray();
        }
    }

    /// <summary>Symbols to remember per sequence.</summary>
    public int Symbols { get; }

    public override string Name => "copy";

    public override string Variant => delay.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public override TaskMetric Metric => TaskMetric.Accuracy;

    public override int InputSize => Alphabet + 2;

    public override int OutputSize => Alphabet;

    public override TaskDefaults Defaults { get; } = new(HiddenSize: 128, Layers: 1, Dropout: 0, BatchSize: 64, Epochs: 20);

    public override string DataDescription =>
        $"generated: {Count(Split.Train)} / {Count(Split.Valid)} / {Count(Split.Test)} sequences, {Symbols} symbols of {Alphabet}, delay {delay} (fixed seeds)";

    private int Length => Symbols + delay + Symbols;

    public override int Count(Split split) => parts[split].Length / Symbols;

    public override Batch MakeBatch(Split split, IReadOnlyList<int> indices)
    {
        var symbols = parts[split];
        var b = indices.Count;
        var steps = Length;
        var width = InputSize;
        var x = new float[steps * b * width];
        var y = new long[steps * b];
        var scored = new bool[steps * b];
        for (var n = 0; n < b; n++)
        {
            for (var t = 0; t < steps; t++)
            {
                int input;
                if (t < Symbols)
                {
                    input = symbols[indices[n] * Symbols + t];
                }
                else
                {
                    input = t == Symbols + delay - 1 ? Delimiter : Blank;
                }

                x[(t * b + n) * width + input] = 1;
                if (t >= Symbols + delay)
                {
                    y[t * b + n] = symbols[indices[n] * Symbols + t - Symbols - delay];
                    scored[t * b + n] = true;
                }
            }
        }

        return new Batch
        {
            Input = tensor(x, new long[] { steps, b, width }),
            StepMask = ones(new long[] { steps, b }, dtype: ScalarType.Bool),
            Lengths = Enumerable.Repeat((long)steps, b).ToArray(),
            Targets = tensor(y, new long[] { steps, b }),
            TargetMask = tensor(scored, new long[] { steps, b }),
            Items = b * Symbols,
        };
    }

    public override LossParts Loss(Tensor logits, Batch batch)
    {
        var scored = batch.TargetMask!;
        var flatLogits = logits.reshape(-1, OutputSize);
        var flatTargets = batch.Targets.reshape(-1);
        var flatScored = scored.reshape(-1);
        var perStep = nn.functional.cross_entropy(flatLogits, flatTargets, reduction: nn.Reduction.None);
        var sum = perStep.masked_fill(flatScored.logical_not(), 0.0).sum();
        var correct = flatLogits.argmax(1).eq(flatTargets).logical_and(flatScored).sum();
        return new LossParts(sum, correct);
    }
}
