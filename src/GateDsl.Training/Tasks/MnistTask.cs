using GateDsl.Training.Data;
using static TorchSharp.torch;

namespace GateDsl.Training.Tasks;

/// <summary>
/// Sequential MNIST: classify a digit read as a sequence, by rows (28 x 28, the default), pixels
/// (784 x 1) or permuted pixels (784 x 1 in the fixed order <see cref="Permutation"/>). Class logits
/// come from the last step; the metric is accuracy, the data loss the cross-entropy per digit.
/// </summary>
internal sealed class MnistTask : TrainingTask
{
    /// <summary>The seed of the documented pixel permutation: SplitMix64 seeded with the bytes of "mnist" (0x6D6E697374), Fisher-Yates.</summary>
    public const ulong PermutationSeed = 0x6D6E697374;

    private readonly MnistDataset data;
    private readonly MnistVariant variant;

    public MnistTask(MnistDataset data, MnistVariant variant)
    {
        this.data = data;
        this.variant = variant;
    }

    /// <summary>The fixed order in which permuted MNIST reads the 784 pixels.</summary>
    public static int[] Permutation { get; } = MakePermutation();

    public override string Name => "mnist";

    public override string Variant => variant.ToString().ToLowerInvariant();

    public override TaskMetric Metric => TaskMetric.Accuracy;

    public override int InputSize => variant == MnistVariant.Rows ? MnistDataset.Side : 1;

    public override int OutputSize => 10;

    /// <summary>H = 128, one layer, batches of 64: the calibration setting of issue 8's main job.</summary>
    public override TaskDefaults Defaults { get; } = new(HiddenSize: 128, Layers: 1, Dropout: 0, BatchSize: 64, Epochs: 6);

    public override string DataDescription =>
        $"{data.Source}: {data.Train.Count} / {data.Valid.Count} / {data.Test.Count} digits (fixed split, docs/training.md), read by {Variant}";

    private int Steps => variant == MnistVariant.Rows ? MnistDataset.Side : MnistDataset.Pixels;

    public override int Count(Split split) => data[split].Count;

    public override Batch MakeBatch(Split split, IReadOnlyList<int> indices)
    {
        var images = data[split];
        var b = indices.Count;
        var steps = Steps;
        var width = InputSize;
        var inputs = new float[steps * b * width];
        var labels = new long[b];
        for (var n = 0; n < b; n++)
        {
            var offset = indices[n] * MnistDataset.Pixels;
            labels[n] = images.Labels[indices[n]];
            for (var t = 0; t < steps; t++)
            {
                if (variant == MnistVariant.Rows)
                {
                    Array.Copy(images.Values, offset + t * width, inputs, (t * b + n) * width, width);
                }
                else
                {
                    var pixel = variant == MnistVariant.Permuted ? Permutation[t] : t;
                    inputs[t * b + n] = images.Values[offset + pixel];
                }
            }
        }

        var lengths = Enumerable.Repeat((long)steps, b).ToArray();
        return new Batch
        {
            Input = tensor(inputs, new long[] { steps, b, width }),
            StepMask = ones(new long[] { steps, b }, dtype: ScalarType.Bool),
            Lengths = lengths,
            Targets = tensor(labels),
            Items = b,
        };
    }

    public override LossParts Loss(Tensor logits, Batch batch) => ClassificationLoss.Of(LastStep(logits, batch), batch.Targets);

    private static int[] MakePermutation()
    {
        var order = Enumerable.Range(0, MnistDataset.Pixels).ToArray();
        new SplitMix64(PermutationSeed).Shuffle(order);
        return order;
    }
}
