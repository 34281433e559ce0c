using GateDsl.Training.Data;
using static TorchSharp.torch;

namespace GateDsl.Training.Tasks;

/// <summary>
/// A task the trainer can fit: its data in three parts, how a batch of sequences becomes tensors, the
/// size of the input the recurrent core sees and of the readout, and the data loss. The model is
/// embedding (token tasks) -> recurrent core -> linear readout of <see cref="OutputSize"/> per step.
/// </summary>
internal abstract class TrainingTask
{
    /// <summary>The task's name on the command line: music, mnist, sentences, adding, copy.</summary>
    public abstract string Name { get; }

    /// <summary>The variant (mnist: rows, pixels, permuted; adding and copy: the length); empty when the task has none.</summary>
    public virtual string Variant => string.Empty;

    /// <summary><c>name</c> or <c>name:variant</c>, as <c>--task</c> takes it.</summary>
    public string FullName => Variant.Length == 0 ? Name : $"{Name}:{Variant}";

    /// <summary>What the task reports.</summary>
    public abstract TaskMetric Metric { get; }

    /// <summary>Features per step that the recurrent core receives (the embedding size for token tasks).</summary>
    public abstract int InputSize { get; }

    /// <summary>Outputs of the linear readout per step.</summary>
    public abstract int OutputSize { get; }

    /// <summary>For token tasks, the vocabulary size of the learned embedding (ids 0..V-1, 0 = padding); otherwise null.</summary>
    public virtual int? VocabularySize => null;

    /// <summary>For token tasks, the words of the vocabulary by id (saved with checkpoints); otherwise null.</summary>
    public virtual IReadOnlyList<string>? Vocabulary => null;

    /// <summary>The task's defaults.</summary>
    public abstract TaskDefaults Defaults { get; }

    /// <summary>One line saying where the data came from and how it was split.</summary>
    public abstract string DataDescription { get; }

    /// <summary>Number of sequences in a part.</summary>
    public abstract int Count(Split split);

    /// <summary>The batch of the given sequences of a part, as tensors in the current dispose scope.</summary>
    public abstract Batch MakeBatch(Split split, IReadOnlyList<int> indices);

    /// <summary>The data loss of a batch from the readout's logits [T, B, OutputSize].</summary>
    public abstract LossParts Loss(Tensor logits, Batch batch);

    /// <summary>The logits of each sequence's last real step: [B, OutputSize], from [T, B, OutputSize].</summary>
    protected static Tensor LastStep(Tensor logits, Batch batch)
    {
        var last = tensor(batch.Lengths.Select(l => l - 1).ToArray(), dtype: ScalarType.Int64, device: logits.device);
        var index = last.view(1, -1, 1).expand(1, batch.Size, logits.shape[2]);
        return logits.gather(0, index).squeeze(0);
    }

    /// <summary>A bool mask [T, B] that is true on the first Lengths[b] steps of sequence b.</summary>
    protected static Tensor MaskFromLengths(long[] lengths, long steps)
    {
        var mask = new bool[steps * lengths.Length];
        for (var b = 0; b < lengths.Length; b++)
        {
            for (var t = 0; t < lengths[b]; t++)
            {
                mask[t * lengths.Length + b] = true;
            }
        }

        return tensor(mask, new[] { steps, (long)lengths.Length });
    }
}
