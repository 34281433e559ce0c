using GateDsl.Compiler.Backends.TorchSharp;
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using GateDsl.Training.Runs;
using GateDsl.Training.Tasks;
using Spectre.Console;

namespace GateDsl.Cli.Commands;

/// <summary>
/// <c>gatec train FILE --cell NAME --task TASK [options]</c>: trains a cell of a spec on a task with
/// PAPER.md's recipe, showing live progress on a terminal (plain lines otherwise), and writes
/// metrics.json, best.ckpt, last.ckpt and PNG plots to --out. Exit 0 when training completed, 1 for
/// spec errors, bad or unreachable data or a loss that became NaN, 2 for usage errors, 130 after Ctrl-C
/// (the state is saved; --resume continues).
/// </summary>
internal static class TrainCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "The .gate file that defines the cell." };
        var cell = new Option<string>("--cell") { Description = "The cell to train.", Required = true };
        var task = new Option<string>("--task")
        {
            Description = "music, mnist (mnist:rows, mnist:pixels, mnist:permuted), sentences, adding[:LENGTH], copy[:DELAY].",
            Required = true,
        };
        var seed = NumberOptions.Whole64("--seed", "Seeds the weights, data order and every draw (default 1000).");
        var options = new TrainingOptions();
        var command = new Command(
            "train",
            "Train a cell on a task (Adam, lr 2e-3, clip 1.0, lr / 1.2 after epoch 10 when validation stalls, test at the best-validation checkpoint); " +
            "writes metrics.json, checkpoints and plots to --out. Exit 0 completed, 1 spec or data errors or a NaN loss, 2 usage errors, 130 interrupted (resume with --resume).")
        {
            file,
            cell,
            task,
            seed,
        };
        options.AddTo(command);
        InputFiles.RejectUnknownOptions(file);
        command.SetAction(result => Run(context, result, file, cell, task, seed, options));
        return command;
    }

    private static int Run(CliContext context, ParseResult result, Argument<string> fileArgument, Option<string> cellOption, Option<string> taskOption, Option<long?> seedOption, TrainingOptions options)
    {
        if (options.Read(result, taskOption, out var problem) is not { } trainOptions)
        {
            return context.UsageError(problem!);
        }

        var resume = result.GetValue(options.Resume);
        var outFolder = result.GetValue(options.Out);
        if (resume && outFolder is null)
        {
            return context.UsageError("--resume needs --out: the folder of the run to continue");
        }

        var file = result.GetValue(fileArgument) ?? string.Empty;
        var cellName = result.GetValue(cellOption) ?? string.Empty;
        var cell = TrainableCell.Resolve(context, file, cellName, out var exitCode);
        if (cell is null)
        {
            return exitCode;
        }

        var json = result.GetValue(options.Json);
        var request = new TrainRequest
        {
            Cell = cell,
            Options = trainOptions,
            OutputFolder = outFolder ?? DefaultFolder(cellName, trainOptions.Task),
            Resume = resume,
            CommandLine = CommandText.Gatec(result.Tokens.Select(t => t.Value)),
            Seed = result.GetValue(seedOption),
        };
        options.ApplyThreads(result);
        return TrainingErrors.Guard(context, () => Train(context, request, json));
    }

    /// <summary>Runs the training with the right display and reports how it ended.</summary>
    internal static int Train(CliContext context, TrainRequest request, bool json)
    {
        var outcome = TrainingDisplay.Run(context, json, (observer, token) => Trainer.Run(request, observer, token));

        if (json)
        {
            context.Out.WriteLine(JsonSerializer.Serialize(outcome.Metrics, MetricsJson.Options));
        }
        else
        {
            Summarise(context, outcome);
        }

        return outcome.Status switch
        {
            RunStatus.Completed => ExitCodes.Success,
            RunStatus.Interrupted => ExitCodes.Interrupted,
            _ => ExitCodes.Failure,
        };
    }

    private static void Summarise(CliContext context, TrainingOutcome outcome)
    {
        var metrics = outcome.Metrics;
        if (outcome.Status != RunStatus.Completed)
        {
            context.Error.WriteLine($"gatec: {outcome.Message}");
            return;
        }

        var test = metrics.Test!;
        var score = test.Accuracy is { } accuracy
            ? $"accuracy {ProgressText.Percent(accuracy)} ({test.Items.ToString("N0", CultureInfo.InvariantCulture)} items)"
            : $"{metrics.Metric} {test.DataLoss.ToString("F4", CultureInfo.InvariantCulture)} ({test.Items.ToString("N0", CultureInfo.InvariantCulture)} items)";
        context.Console.MarkupLine(
            $"[bold]test at the best-validation checkpoint (epoch {metrics.BestEpoch}): {Markup.Escape(score)}[/]");
        context.Out.WriteLine($"{metrics.TotalSeconds.ToString("F0", CultureInfo.InvariantCulture)} s in all; metrics, checkpoints and plots in {outcome.OutputFolder}");
    }

    private static string DefaultFolder(string cell, TaskChoice task) =>
        Path.Combine("runs", $"{cell}-{task.FullName.Replace(':', '-')}-{DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}");
}
