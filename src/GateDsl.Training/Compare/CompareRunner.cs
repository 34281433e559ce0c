using GateDsl.Compiler.Backends.TorchSharp;
using System.Globalization;
using GateDsl.Training.Cores;
using GateDsl.Training.Model;
using GateDsl.Training.Plots;
using GateDsl.Training.Runs;
using GateDsl.Training.Tasks;

namespace GateDsl.Training.Compare;

/// <summary>
/// <c>gatec compare</c>: trains every cell for every seed (one run at a time; libtorch's generator is
/// global), with hidden sizes matched to a parameter target when asked, and writes compare.md and
/// compare.json (mean and spread per cell, every run with the <c>gatec train</c> command that repeats
/// it) plus comparison plots. With <see cref="CompareRequest.Resume"/>, completed runs are reused and
/// interrupted ones resumed, so a long comparison survives Ctrl-C.
/// </summary>
public static class CompareRunner
{
    /// <summary>The Markdown table.</summary>
    public const string MarkdownFile = "compare.md";

    /// <summary>The JSON report.</summary>
    public const string JsonFile = "compare.json";

    /// <summary>Runs the comparison.</summary>
    /// <exception cref="TrainingSetupException">A cell cannot train, or the settings are inconsistent.</exception>
    public static CompareReport Run(CompareRequest request, ITrainingObserver observer, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(observer);
        if (request.Cells.FirstOrDefault(c => c.Problem != CellProblem.None) is { } blocked)
        {
            throw new TrainingSetupException(blocked.Message);
        }

        if (request.Seeds < 1)
        {
            throw new TrainingSetupException($"--seeds must be at least 1 (got {request.Seeds})");
        }

        if (request.MatchParameters is not null && request.Options.HiddenSize is not null)
        {
            throw new TrainingSetupException("give --match-parameters or --hidden-size, not both: matching chooses each cell's hidden size");
        }

        var folder = Path.GetFullPath(request.OutputFolder);
        if (!request.Resume && File.Exists(Path.Combine(folder, JsonFile)))
        {
            throw new TrainingSetupException($"{folder} already holds a comparison: continue it with --resume, or choose another --out");
        }

        Directory.CreateDirectory(folder);
        var task = request.Options.LoadTask(observer.Message);
        var layers = request.Options.Layers ?? task.Defaults.Layers;
        var plan = request.Cells.Select(cell => (Cell: cell, Hidden: HiddenSize(request, task, cell, layers))).ToList();
        var runs = new List<CompareRun>();
        var metrics = new Dictionary<string, RunMetrics>(StringComparer.Ordinal);
        var total = plan.Count * request.Seeds;
        foreach (var (cell, hidden) in plan)
        {
            for (var k = 0; k < request.Seeds; k++)
            {
                var seed = request.FirstSeed + k;
                var runFolder = Path.Combine(folder, $"{cell.CellName}-seed{seed.ToString(CultureInfo.InvariantCulture)}");
                var parameters = SequenceModel.CountParameters(task, cell.Factory!, hidden, layers);
                observer.Message($"run {runs.Count + 1} of {total}: {cell.CellName}, seed {seed}, hidden {hidden}, {parameters:N0} parameters -> {runFolder}");
                var outcome = RunOne(request, task, cell, hidden, seed, runFolder, observer, token);
                runs.Add(Summarise(cell, seed, hidden, runFolder, Command(request, cell, hidden, seed, runFolder), outcome));
                if (outcome.Status == RunStatus.Completed && !metrics.ContainsKey(cell.CellName))
                {
                    metrics[cell.CellName] = outcome.Metrics;
                }

                if (outcome.Status == RunStatus.Interrupted)
                {
                    return Write(request, task, plan, layers, runs, metrics, folder);
                }
            }
        }

        return Write(request, task, plan, layers, runs, metrics, folder);
    }

    private static int HiddenSize(CompareRequest request, TrainingTask task, ResolvedCell cell, int layers) =>
        request.MatchParameters is { } target
            ? ParameterMatching.HiddenSize(task, cell.Factory!, layers, target)
            : request.Options.HiddenSize ?? task.Defaults.HiddenSize;

    private static TrainingOutcome RunOne(
        CompareRequest request, TrainingTask task, ResolvedCell cell, int hidden, long seed, string runFolder, ITrainingObserver observer, CancellationToken token)
    {
        var metricsFile = Path.Combine(runFolder, Trainer.MetricsFile);
        if (request.Resume && File.Exists(metricsFile) && MetricsJson.ReadRun(metricsFile) is { Status: RunStatus.Completed } done)
        {
            observer.Message($"reusing the completed run in {runFolder}");
            return new TrainingOutcome(RunStatus.Completed, string.Empty, done, runFolder);
        }

        var resume = request.Resume && File.Exists(Path.Combine(runFolder, Trainer.LastCheckpoint));
        var train = new TrainRequest
        {
            Cell = cell,
            // The comparison's options with this run's hidden size (a resumed run keeps its checkpoint's) and the task already loaded.
            Options = request.Options with { HiddenSize = resume ? null : hidden, TaskOverride = task },
            OutputFolder = runFolder,
            Resume = resume,
            CommandLine = Command(request, cell, hidden, seed, runFolder),
            Seed = seed,
        };
        return Trainer.Run(train, observer, token);
    }

    private static CompareRun Summarise(ResolvedCell cell, long seed, int hidden, string folder, string command, TrainingOutcome outcome)
    {
        var metrics = outcome.Metrics;
        var accuracy = metrics.Test?.Accuracy;
        var test = outcome.Status == RunStatus.Completed ? accuracy ?? metrics.Test?.DataLoss : null;
        return new CompareRun(cell.CellName, seed, hidden, folder, command, outcome.Status, test, metrics.BestEpoch, metrics.Epochs.Count, metrics.TotalSeconds);
    }

    private static CompareReport Write(
        CompareRequest request,
        TrainingTask task,
        IReadOnlyList<(ResolvedCell Cell, int Hidden)> plan,
        int layers,
        IReadOnlyList<CompareRun> runs,
        IReadOnlyDictionary<string, RunMetrics> firstCompleted,
        string folder)
    {
        var rows = plan.Select(p =>
        {
            var values = runs.Where(r => r.Cell == p.Cell.CellName && r.Test is not null).Select(r => r.Test!.Value).ToList();
            double? mean = values.Count > 0 ? values.Average() : null;
            double? sd = values.Count > 1 ? Math.Sqrt(values.Sum(v => (v - mean!.Value) * (v - mean.Value)) / (values.Count - 1)) : null;
            return new CompareRow(
                p.Cell.CellName,
                p.Cell.Implementation ?? string.Empty,
                p.Hidden,
                SequenceModel.CountParameters(task, p.Cell.Factory!, p.Hidden, layers),
                values.Count,
                mean,
                sd,
                values.Count > 0 ? values.Min() : null,
                values.Count > 0 ? values.Max() : null);
        }).ToList();
        var report = new CompareReport(
            request.CommandLine, task.FullName, Trainer.MetricName(task.Metric), task.Metric == TaskMetric.Accuracy, request.MatchParameters, rows, runs);
        MetricsJson.Write(Path.Combine(folder, JsonFile), report);
        File.WriteAllText(Path.Combine(folder, MarkdownFile), CompareTable.Markdown(report));
        if (request.Options.WritePlots && firstCompleted.Count > 0)
        {
            ComparePlots.Write(folder, task.FullName, plan.Select(p => p.Cell.CellName).Where(firstCompleted.ContainsKey).Select(c => (c, firstCompleted[c])).ToList());
        }

        return report;
    }

    private static string Command(CompareRequest request, ResolvedCell cell, int hidden, long seed, string folder)
    {
        var options = request.Options;
        var args = new List<string> { "train", request.SpecArgument, "--cell", cell.CellName, "--task", options.Task.FullName };
        if (options.DataPath is not null)
        {
            args.AddRange(["--data", options.DataPath]);
        }

        void Add(string option, object? value)
        {
            if (value is not null)
            {
                args.Add(option);
                args.Add(value switch
                {
                    double d => d.ToString("R", CultureInfo.InvariantCulture),
                    DropoutKind kind => kind.ToString().ToLowerInvariant(),
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    _ => value.ToString()!,
                });
            }
        }

        Add("--epochs", options.Epochs);
        Add("--hidden-size", hidden);
        Add("--layers", options.Layers);
        Add("--dropout", options.Dropout);
        Add("--dropout-kind", options.DropoutKind);
        Add("--batch-size", options.BatchSize);
        Add("--lr", options.LearningRate);
        Add("--clip", options.Clip);
        Add("--kl-weight", options.KlWeight);
        Add("--seed", seed);
        Add("--out", Path.GetRelativePath(Directory.GetCurrentDirectory(), folder));
        return CommandText.Gatec(args);
    }
}
