using GateDsl.Cli.Rendering;
using GateDsl.Validation;

namespace GateDsl.Cli.Sampling;

/// <summary>
/// The human form of a <see cref="SampleReport"/>: a line naming the call, a table of moments and
/// KS per component, a table of quantiles (sample beside reference per component), the KS
/// verdicts that reject, and the correlation. Both tables have a row per statistic and columns per
/// component, so a law with more components grows to the right, where <see cref="TextTable"/> splits
/// it to fit the terminal (a component's sample and reference quantiles stay together).
/// </summary>
internal static class SampleTables
{
    private const string NoReference = "no reference";

    /// <summary>Writes the report to <paramref name="context"/>'s standard output.</summary>
    public static void Write(CliContext context, SampleReport report)
    {
        context.WriteLine($"{report.Distribution}: n = {report.N}, seed = {report.Seed}");
        if (report.NoReferenceReason is { } reason)
        {
            context.WriteLine($"{reason}.");
        }

        context.Write(Moments(report));
        context.Write(Quantiles(report));
        foreach (var c in report.Components)
        {
            if (c.Ks is { Passed: false } ks)
            {
                context.WriteLine($"KS: component {c.Name} rejects the reference law at false-failure probability {Format.Probability(ks.FalseFailureProbability)} (p = {Format.Probability(ks.PValue ?? double.NaN)}).");
            }
        }

        if (report.Correlation is { } r)
        {
            var verdict = r.Test.Passed ? "within" : "OUTSIDE";
            context.WriteLine(
                $"correlation: sample {Format.Number(r.Sample)}, reference {Format.Number(r.Reference)}, " +
                $"|difference| {Format.Short(r.Test.Statistic)} {verdict} the CLT bound {Format.Short(r.Bound)} " +
                $"(delta method, false-failure probability {Format.Probability(r.Test.FalseFailureProbability)})");
            return;
        }

        foreach (var pair in report.SampleCorrelations)
        {
            var label = report.Components.Count == 2 ? "correlation" : $"correlation of {pair.First} and {pair.Second}";
            context.WriteLine(
                $"{label}: sample {Format.Number(pair.Sample)} (standard error {Format.Short(pair.StandardError)}), {NoReference}");
        }
    }

    private static TextTable Moments(SampleReport report)
    {
        var table = new TextTable().AddColumn("statistic");
        foreach (var c in report.Components)
        {
            table.AddColumn(c.Name);
        }

        Row(table, "mean", report, c => Format.Number(c.Mean));
        Row(table, "reference mean", report, c => Optional(c.ReferenceMean));
        Row(table, "variance", report, c => Format.Number(c.Variance));
        Row(table, "reference variance", report, c => Optional(c.ReferenceVariance));
        Row(table, "KS statistic", report, c => c.Ks is { } ks ? Format.Short(ks.Statistic) : NoReference);
        Row(table, "KS p-value", report, c => c.Ks is { } ks ? Format.Probability(ks.PValue ?? double.NaN) : NoReference);
        return table;
    }

    private static TextTable Quantiles(SampleReport report)
    {
        var table = new TextTable().AddColumn("quantile");
        foreach (var c in report.Components)
        {
            table.AddColumn($"{c.Name} sample", group: c.Name);
            table.AddColumn($"{c.Name} reference", group: c.Name);
        }

        for (var i = 0; i < Descriptive.ReportLevels.Count; i++)
        {
            var cells = new List<string> { $"{Descriptive.ReportLevels[i] * 100:0}%" };
            foreach (var c in report.Components)
            {
                cells.Add(Format.Number(c.Quantiles[i]));
                cells.Add(c.ReferenceQuantiles is { } q ? Format.Number(q[i]) : NoReference);
            }

            table.AddRow(cells.ToArray());
        }

        return table;
    }

    private static void Row(TextTable table, string statistic, SampleReport report, Func<ComponentReport, string> value) =>
        table.AddRow([statistic, .. report.Components.Select(value)]);

    private static string Optional(double? value) => value is { } v ? Format.Number(v) : NoReference;
}
