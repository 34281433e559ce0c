using GateDsl.Compiler.Backends.TorchSharp;
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using GateDsl.Training.Compare;
using GateDsl.Training.Cores;
using GateDsl.Training.Runs;
using GateDsl.Training.Tasks;
using GateDsl.Cli.Rendering;

namespace GateDsl.Cli.Commands;

/// <summary>
/// <c>gatec compare FILE --cells A,B,... --task TASK --seeds N [--match-parameters P] [train options]</c>:
/// trains every cell for every seed and writes compare.md and compare.json (mean and spread per cell,
/// the exact commands) with comparison plots. Exit 0 when every run completed, 1 when one diverged or
/// for spec or data errors, 2 for usage errors, 130 after Ctrl-C (--resume continues).
/// </summary>
internal static class CompareCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "The .gate file that defines the cells." };
        var cells = new Option<string>("--cells") { Description = "The cells to compare, comma-separated (e.g. LSTM,BBetaLSTM5G).", Required = true };
        var task = new Option<string>("--task") { Description = "The task, as for gatec train.", Required = true };
        var seeds = WholeNumberOptions.WithDefault("--seeds", "Seeds per cell (default 3).", 3, n => n < 1 ? $"--seeds must be at least 1 (got {n})" : null);
        var firstSeed = NumberOptions.Whole64("--seed", "The first seed; the others follow it (default 1000, 1001, ...).");
        var match = NumberOptions.Whole64("--match-parameters", "Choose each cell's hidden size so the whole model has about this many parameters.");
        var options = new TrainingOptions();
        var command = new Command(
            "compare",
            "Train each cell for each seed and write compare.md and compare.json (mean and spread of the test metric per cell, with the exact commands). " +
            "Exit 0 all runs completed, 1 a run diverged or spec or data errors, 2 usage errors, 130 interrupted (continue with --resume).")
        {
            file,
            cells,
            task,
            seeds,
            firstSeed,
            match,
        };
        options.AddTo(command);
        InputFiles.RejectUnknownOptions(file);
        command.SetAction(result => Run(context, result, file, cells, task, seeds, firstSeed, match, options));
        return command;
    }

    private static int Run(
        CliContext context, ParseResult result, Argument<string> fileArgument, Option<string> cellsOption, Option<string> taskOption,
        Option<int> seedsOption, Option<long?> firstSeedOption, Option<long?> matchOption, TrainingOptions options)
    {
        if (options.Read(result, taskOption, out var problem) is not { } trainOptions)
        {
            return context.UsageError(problem!);
        }

        if (result.GetValue(matchOption) is < 1)
        {
            return context.UsageError($"--match-parameters must be at least 1 (got {result.GetValue(matchOption)})");
        }

        var names = (result.GetValue(cellsOption) ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (names.Length == 0)
        {
            return context.UsageError("--cells needs at least one cell name, e.g. --cells LSTM,BBetaLSTM5G");
        }

        var file = result.GetValue(fileArgument) ?? string.Empty;
        var resolved = new List<ResolvedCell>();
        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            if (TrainableCell.Resolve(context, file, name, out var exitCode) is not { } cell)
            {
                return exitCode;
            }

            resolved.Add(cell);
        }

        var outFolder = result.GetValue(options.Out);
        if (result.GetValue(options.Resume) && outFolder is null)
        {
            return context.UsageError("--resume needs --out: the folder of the comparison to continue");
        }

        var json = result.GetValue(options.Json);
        var request = new CompareRequest
        {
            SpecArgument = file,
            Cells = resolved,
            Options = trainOptions,
            Seeds = result.GetValue(seedsOption),
            FirstSeed = result.GetValue(firstSeedOption) ?? TrainSettings.DefaultSeed,
            MatchParameters = result.GetValue(matchOption),
            OutputFolder = outFolder ?? Path.Combine("runs", $"compare-{trainOptions.Task.FullName.Replace(':', '-')}-{DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}"),
            Resume = result.GetValue(options.Resume),
            CommandLine = CommandText.Gatec(result.Tokens.Select(t => t.Value)),
        };
        options.ApplyThreads(result);
        return TrainingErrors.Guard(context, () => Compare(context, request, json));
    }

    private static int Compare(CliContext context, CompareRequest request, bool json)
    {
        var report = TrainingDisplay.Run(context, json, (observer, token) => CompareRunner.Run(request, observer, token));

        if (json)
        {
            context.Out.WriteLine(JsonSerializer.Serialize(report, MetricsJson.Options));
        }
        else
        {
            WriteTable(context, report);
            context.Out.WriteLine($"wrote {Path.Combine(request.OutputFolder, CompareRunner.MarkdownFile)} and {CompareRunner.JsonFile}");
        }

        if (report.Runs.Any(r => r.Status == RunStatus.Interrupted))
        {
            context.Error.WriteLine($"gatec: interrupted; continue with the same command and --resume --out {request.OutputFolder}");
            return ExitCodes.Interrupted;
        }

        return report.Runs.All(r => r.Status == RunStatus.Completed) ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static void WriteTable(CliContext context, CompareReport report)
    {
        // Fitted to the terminal's width (TextTable); the title is a line of its own.
        context.Out.WriteLine($"test {report.Metric} on {report.Task}");
        var table = new TextTable();
        foreach (var column in new[] { "cell", "hidden", "parameters", "seeds", "mean", "sd", "min", "max" })
        {
            table.AddColumn(column);
        }

        static string N(double? v) => v is { } x ? x.ToString("0.####", CultureInfo.InvariantCulture) : "—";
        foreach (var row in report.Rows)
        {
            table.AddRow(
                row.Cell,
                row.HiddenSize.ToString(CultureInfo.InvariantCulture),
                row.Parameters.ToString("N0", CultureInfo.InvariantCulture),
                row.Completed.ToString(CultureInfo.InvariantCulture),
                N(row.Mean),
                N(row.StandardDeviation),
                N(row.Min),
                N(row.Max));
        }

        context.Write(table);
    }
}
