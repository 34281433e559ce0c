using GateDsl.Training.Cores;

namespace GateDsl.Training.Runs;

/// <summary>
/// What <c>gatec train</c> asks for: one cell, one run folder and seed, and the shared
/// <see cref="TrainOptions"/>. Options left null take the task's defaults (or, with <see cref="Resume"/>,
/// the checkpoint's); one given together with <see cref="Resume"/> must agree with the checkpoint, except
/// <see cref="TrainOptions.Epochs"/>, which may extend the run.
/// </summary>
public sealed record TrainRequest
{
    /// <summary>The cell to train, resolved by <see cref="CellResolver"/> (it must have no problem).</summary>
    public required ResolvedCell Cell { get; init; }

    /// <summary>The task, its data and the settings given (null: default).</summary>
    public required TrainOptions Options { get; init; }

    /// <summary>The run folder: metrics.json, best.ckpt, last.ckpt and the plots go there.</summary>
    public required string OutputFolder { get; init; }

    /// <summary>Continue the run in <see cref="OutputFolder"/> from its last.ckpt.</summary>
    public bool Resume { get; init; }

    /// <summary>The command line, recorded in metrics.json.</summary>
    public string CommandLine { get; init; } = string.Empty;

    /// <summary>--seed.</summary>
    public long? Seed { get; init; }
}
