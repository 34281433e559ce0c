using static TorchSharp.torch;

namespace GateDsl.Training.Tasks;

/// <summary>
/// Sequences of one batch, padded at the end to the longest: float features <see cref="Input"/>
/// [T, B, I] or token ids <see cref="Tokens"/> [T, B] (exactly one is set), which steps are real
/// (<see cref="StepMask"/> [T, B]), and the targets in the task's own layout. Its tensors belong to
/// the dispose scope it was made in.
/// </summary>
internal sealed class Batch
{
    /// <summary>Float inputs [T, B, I], or null for token tasks.</summary>
    public Tensor? Input { get; init; }

    /// <summary>Token ids [T, B] (int64, 0 = padding), or null for float tasks.</summary>
    public Tensor? Tokens { get; init; }

    /// <summary>[T, B] bool: true where the step belongs to the sequence, false on padding.</summary>
    public required Tensor StepMask { get; init; }

    /// <summary>The length of each sequence (steps), B values.</summary>
    public required long[] Lengths { get; init; }

    /// <summary>The targets; their layout is the task's.</summary>
    public required Tensor Targets { get; init; }

    /// <summary>[T, B] bool for tasks scored at several steps: which outputs count; null for last-step tasks.</summary>
    public Tensor? TargetMask { get; init; }

    /// <summary>Number of scored items (predicted frames, sequences, recalled symbols): the loss is divided by it.</summary>
    public required int Items { get; init; }

    /// <summary>B: the number of sequences.</summary>
    public int Size => Lengths.Length;

    /// <summary>T: the padded length.</summary>
    public long Steps => StepMask.shape[0];
}
