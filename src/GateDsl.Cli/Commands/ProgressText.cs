using GateDsl.Compiler.Backends.TorchSharp;
using System.Globalization;
using GateDsl.Training.Runs;
using GateDsl.Training.Tasks;

namespace GateDsl.Cli.Commands;

/// <summary>How training progress reads, the same in the live display and in plain lines.</summary>
internal static class ProgressText
{
    public static string Header(RunInfo info) =>
        $"training {info.Cell} on {info.Settings.Task} with {info.Implementation}";

    /// <summary>The indented lines under <see cref="Header"/>: settings, data, run folder, and where a resumed run picks up.</summary>
    public static IEnumerable<string> Details(RunInfo info)
    {
        yield return $"  {Settings(info)}";
        yield return $"  data: {info.Data}";
        yield return $"  out: {info.OutputFolder}";
        if (info.StartEpoch > 1 || info.StartBatch > 0)
        {
            yield return $"  resuming at epoch {info.StartEpoch}, after batch {info.StartBatch}";
        }
    }

    public static string Settings(RunInfo info)
    {
        var s = info.Settings;
        var layers = s.Layers == 1 ? "1 layer" : $"{s.Layers} layers";
        var dropout = s.Dropout > 0 ? $", {s.DropoutKind.ToString().ToLowerInvariant()} dropout {Number(s.Dropout)}" : string.Empty;
        return $"{info.Parameters.ToString("N0", CultureInfo.InvariantCulture)} parameters: hidden {s.HiddenSize}, {layers}{dropout}; batch {s.BatchSize}, " +
            $"Adam lr {Number(s.LearningRate)}, clip {Number(s.Clip)}, kl weight {Number(s.KlWeight)}, seed {s.Seed}; " +
            $"{s.Epochs} epochs of {info.BatchesPerEpoch} batches";
    }

    public static string Scores(SplitMetrics metrics, TaskMetric metric)
    {
        var text = $"loss {Number(metrics.Loss)}";
        text += metric switch
        {
            TaskMetric.Accuracy => $"  accuracy {Percent(metrics.Accuracy)}",
            TaskMetric.FrameNll => $"  NLL {Number(metrics.DataLoss)}",
            _ => $"  MSE {Number(metrics.DataLoss)}",
        };
        return metrics.Kl != 0 ? text + $"  KL {Number(metrics.Kl)}" : text;
    }

    public static string Batch(BatchReport report, TaskMetric metric) =>
        $"epoch {report.Epoch}/{report.Epochs}  batch {report.Batch}/{report.Batches}  {Scores(report.Running, metric)}  " +
        $"{report.StepsPerSecond.ToString("F1", CultureInfo.InvariantCulture)} steps/s  {Left(report.SecondsLeft)}";

    public static string Epoch(EpochRecord record, int epochs, TaskMetric metric, bool isBest) =>
        $"epoch {record.Epoch}/{epochs}  train {Scores(record.Train, metric)}  |  valid {Scores(record.Valid, metric)}  " +
        $"{record.Seconds.ToString("F1", CultureInfo.InvariantCulture)} s  lr {Number(record.LearningRate)}{(isBest ? "  best so far" : string.Empty)}";

    public static string Left(double? seconds)
    {
        if (seconds is not { } s)
        {
            return "time left: estimating";
        }

        var span = TimeSpan.FromSeconds(Math.Max(0, s));
        var text = span.TotalHours >= 1 ? $"{(int)span.TotalHours}h{span.Minutes:00}m" : span.TotalMinutes >= 1 ? $"{span.Minutes}m{span.Seconds:00}s" : $"{span.Seconds}s";
        return $"about {text} left";
    }

    public static string Number(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    public static string Percent(double? value) => value is { } v ? (100 * v).ToString("F1", CultureInfo.InvariantCulture) + "%" : "—";
}
