using System.CommandLine;
using System.Text.Json;
using GateDsl.Training.Data;
using GateDsl.Training.Runs;
using GateDsl.Training.Tasks;
using Spectre.Console;

namespace GateDsl.Cli.Commands;

/// <summary>
/// <c>gatec evaluate CHECKPOINT [--task TASK] [--data PATH] [--json]</c>: re-scores a run's checkpoint on
/// its validation and test parts. Exit 0 on success, 1 for an unusable checkpoint or data, 2 for usage errors.
/// </summary>
internal static class EvaluateCommand
{
    public static Command Create(CliContext context)
    {
        var checkpoint = new Argument<string>("checkpoint") { Description = "A best.ckpt or last.ckpt written by gatec train." };
        var task = new Option<string?>("--task") { Description = "The task (must be the checkpoint's; default: the checkpoint's)." };
        var data = new Option<string?>("--data") { Description = "The data (default: what the run used, or fetched or generated data)." };
        var json = new Option<bool>("--json") { Description = "Print {\"checkpoint\",\"cell\",\"task\",\"epoch\",\"metric\",\"valid\":{...},\"test\":{...}}." };
        var command = new Command("evaluate", "Re-score a checkpoint on its task's validation and test parts. Exit 0 on success, 1 unusable checkpoint or data, 2 usage errors.")
        {
            checkpoint,
            task,
            data,
            json,
        };
        InputFiles.RejectUnknownOptions(checkpoint);
        command.SetAction(result => Run(context, result.GetValue(checkpoint) ?? string.Empty, result.GetValue(task), result.GetValue(data), result.GetValue(json)));
        return command;
    }

    private static int Run(CliContext context, string checkpoint, string? taskText, string? data, bool json)
    {
        TaskChoice? task = null;
        if (taskText is not null)
        {
            task = TaskChoice.Parse(taskText, out var problem);
            if (task is null)
            {
                return context.UsageError(problem!);
            }
        }

        if (!File.Exists(checkpoint))
        {
            return context.UsageError($"checkpoint not found: {checkpoint}");
        }

        TrainingThreads.Use(TrainingThreads.DefaultTorch, TrainingThreads.DefaultKernel);
        return TrainingErrors.Guard(context, () =>
        {
            var report = Evaluator.Run(checkpoint, task, data, new NpmFetcher(), line => context.Error.WriteLine(line));
            if (json)
            {
                context.Out.WriteLine(JsonSerializer.Serialize(report, MetricsJson.Options));
                return ExitCodes.Success;
            }

            var metric = Enum.GetValues<TaskMetric>().First(m => Trainer.MetricName(m) == report.Metric);
            context.Console.MarkupLine($"[bold]{Markup.Escape($"{report.Cell} on {report.Task}, epoch {report.Epoch} ({checkpoint})")}[/]");
            context.Out.WriteLine($"  valid  {ProgressText.Scores(report.Valid, metric)}  ({report.Valid.Items:N0} items)");
            context.Out.WriteLine($"  test   {ProgressText.Scores(report.Test, metric)}  ({report.Test.Items:N0} items)");
            return ExitCodes.Success;
        });
    }
}
