using GateDsl.Training.Cores;
using GateDsl.Training.Runs;

namespace GateDsl.Training.Compare;

/// <summary>
/// What <c>gatec compare</c> asks for: every cell trained for every seed on one task with the same
/// <see cref="Options"/>, with hidden sizes matched to <see cref="MatchParameters"/> when given (otherwise
/// <see cref="TrainOptions.HiddenSize"/> or the task's default).
/// </summary>
public sealed record CompareRequest
{
    /// <summary>The spec file as the user wrote it (for the commands in the report).</summary>
    public required string SpecArgument { get; init; }

    /// <summary>The cells, resolved, in table order.</summary>
    public required IReadOnlyList<ResolvedCell> Cells { get; init; }

    /// <summary>The task, its data and the settings every run shares (its hidden size not with <see cref="MatchParameters"/>).</summary>
    public required TrainOptions Options { get; init; }

    /// <summary>Seeds per cell.</summary>
    public required int Seeds { get; init; }

    /// <summary>The first seed; the others follow it (S, S+1, ...).</summary>
    public long FirstSeed { get; init; } = TrainSettings.DefaultSeed;

    /// <summary>Target parameter count of the whole model, or null to use one hidden size for all.</summary>
    public long? MatchParameters { get; init; }

    /// <summary>The folder: one subfolder per run, compare.md, compare.json and plots.</summary>
    public required string OutputFolder { get; init; }

    /// <summary>Reuse completed runs and resume interrupted ones in <see cref="OutputFolder"/>.</summary>
    public bool Resume { get; init; }

    /// <summary>The command line, for the report.</summary>
    public string CommandLine { get; init; } = string.Empty;
}
