using GateDsl.Compiler.Backends.TorchSharp;
using GateDsl.Training.Cores;

namespace GateDsl.Training.Runs;

/// <summary>The metadata of a checkpoint (meta.json inside the file): what model it holds and where training stands.</summary>
internal sealed class CheckpointState
{
    /// <summary>The layout version of the checkpoint file.</summary>
    public const int CurrentFormat = 1;

    public int Format { get; set; } = CurrentFormat;

    public string Cell { get; set; } = string.Empty;

    public string Implementation { get; set; } = string.Empty;

    public string SpecFile { get; set; } = string.Empty;

    public string SpecHash { get; set; } = string.Empty;

    public TrainSettings? Settings { get; set; }

    /// <summary>--data as an absolute path, or null when the data were fetched or generated.</summary>
    public string? DataPath { get; set; }

    /// <summary>The vocabulary of token tasks, so that evaluation encodes words as training did.</summary>
    public IReadOnlyList<string>? Vocabulary { get; set; }

    /// <summary>Epochs completed.</summary>
    public int Epoch { get; set; }

    /// <summary>Training batches already done in epoch <see cref="Epoch"/> + 1 (0 at an epoch boundary).</summary>
    public int NextBatch { get; set; }

    /// <summary>Sums of the unfinished epoch.</summary>
    public EpochProgress Partial { get; set; } = new();

    /// <summary>The learning rate to continue with.</summary>
    public double LearningRate { get; set; }

    /// <summary>Sequences each layer of the core had begun (<see cref="DrawState.Sequences"/>): where the fused kernel's draws stand.</summary>
    public long DrawSequences { get; set; }

    /// <summary>The metrics so far (epochs, best epoch, status).</summary>
    public RunMetrics Metrics { get; set; } = new();

    /// <summary>Whether this checkpoint holds the best-validation weights (best.ckpt) or the latest (last.ckpt).</summary>
    public bool IsBest { get; set; }
}
