using System.Globalization;
using System.Text;

namespace GateDsl.Training.Compare;

/// <summary>compare.md: the table of a <see cref="CompareReport"/>, then every run with the command that repeats it.</summary>
public static class CompareTable
{
    /// <summary>The Markdown text.</summary>
    public static string Markdown(CompareReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# gatec compare: {report.Task}");
        text.AppendLine();
        text.AppendLine("Command:");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"    {report.Command}");
        text.AppendLine();
        var better = report.HigherIsBetter ? "higher is better" : "lower is better";
        var matched = report.MatchParameters is { } p ? $"; hidden sizes matched to about {p:N0} parameters" : string.Empty;
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Test {report.Metric} at each run's best-validation checkpoint ({better}): mean, sample standard deviation (n - 1), smallest and largest over the seeds that completed{matched}.");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"| cell | computed by | hidden | parameters | seeds completed | mean | sd | min | max |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in report.Rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Cell} | {row.Implementation} | {row.HiddenSize} | {row.Parameters:N0} | {row.Completed} | {Number(row.Mean)} | {Number(row.StandardDeviation)} | {Number(row.Min)} | {Number(row.Max)} |");
        }

        text.AppendLine();
        text.AppendLine("## Runs");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"| cell | seed | status | test {report.Metric} | best epoch | epochs | seconds | command |");
        text.AppendLine("|---|---:|---|---:|---:|---:|---:|---|");
        foreach (var run in report.Runs)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {run.Cell} | {run.Seed} | {run.Status.ToString().ToLowerInvariant()} | {Number(run.Test)} | {run.BestEpoch?.ToString(CultureInfo.InvariantCulture) ?? "—"} | {run.Epochs} | {run.Seconds:F0} | `{run.Command}` |");
        }

        return text.ToString();
    }

    private static string Number(double? value) => value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "—";
}
