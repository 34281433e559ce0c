using GateDsl.Language;
using Spectre.Console;

namespace GateDsl.Validation;

/// <summary>
/// The logic of <c>gatec sample "&lt;expr&gt;" [--import FILE]... -n N --seed S [--json] [--plot out.png]</c>
/// after the front end: the CLI (src/GateDsl.Cli) compiles the expression with
/// <see cref="DistributionCallCompilation"/>, prints its diagnostics when it has errors, and
/// otherwise calls <see cref="Run"/>. Exit codes: 0 done (the verdicts are printed, not turned into
/// an exit code); 2 usage error (n &lt; 3, parameter values a sampler rejects at run time such as
/// <c>Uniform(2, 1)</c>); 1 the plot could not be written.
/// </summary>
public static class SampleCommandRunner
{
    /// <summary>Exit code for success.</summary>
    public const int Success = 0;

    /// <summary>Exit code for a failure while running (the plot could not be written).</summary>
    public const int Failure = 1;

    /// <summary>Exit code for a usage error.</summary>
    public const int UsageError = 2;

    /// <summary>Runs the command; see the class summary for exit codes.</summary>
    /// <param name="call">The compiled distribution call, without errors (e.g. <c>BivariateBeta(2, 3, 1.5)</c>).</param>
    /// <param name="n">Number of draws (at least 3).</param>
    /// <param name="seed">Seed of the torch generator.</param>
    /// <param name="json">Print JSON (<see cref="SampleReportJson"/>) instead of tables.</param>
    /// <param name="plotPath">When set, also write a PNG there (<see cref="SamplePlot"/>).</param>
    /// <param name="out">Standard output.</param>
    /// <param name="err">Standard error (messages for the user).</param>
    public static int Run(DistributionCallCompilation call, int n, long seed, bool json, string? plotPath, TextWriter @out, TextWriter err)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(@out);
        ArgumentNullException.ThrowIfNull(err);
        if (n < 3)
        {
            err.WriteLine($"gatec: -n must be at least 3 (got {n}).");
            return UsageError;
        }

        SampleReport report;
        try
        {
            report = SampleAnalysis.Sample(call, n, seed);
        }
        catch (ArgumentException e)
        {
            err.WriteLine($"gatec: {e.Message}");
            return UsageError;
        }

        if (json)
        {
            @out.WriteLine(SampleReportJson.Write(report));
        }
        else
        {
            WriteTables(report, @out, Terminal.Create(@out, Terminal.IsInteractive(@out)));
        }

        if (plotPath is not null)
        {
            try
            {
                SamplePlot.Write(report, plotPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                err.WriteLine($"gatec: cannot write the plot to `{plotPath}`: {e.Message}");
                return Failure;
            }

            if (!json)
            {
                @out.WriteLine($"plot written to {plotPath}");
            }
        }

        return Success;
    }

    private const string NoReference = "no reference";

    private static void WriteTables(SampleReport report, TextWriter @out, IAnsiConsole console)
    {
        // Plain lines straight to the writer: Spectre would wrap a long import path at its width.
        @out.WriteLine($"{report.Distribution}: n = {report.N}, seed = {report.Seed}");
        if (report.NoReferenceReason is { } reason)
        {
            @out.WriteLine($"{reason}.");
        }

        var moments = new Table().Border(TableBorder.Rounded)
            .AddColumns("component", "mean", "reference mean", "variance", "reference variance", "KS statistic", "KS p-value");
        foreach (var c in report.Components)
        {
            moments.AddRow(c.Name, Format.Number(c.Mean), Optional(c.ReferenceMean), Format.Number(c.Variance),
                Optional(c.ReferenceVariance), c.Ks is { } ks ? Format.Short(ks.Statistic) : NoReference,
                c.Ks is { } k ? Format.Probability(k.PValue ?? double.NaN) : NoReference);
        }

        console.Write(moments);
        var quantiles = new Table().Border(TableBorder.Rounded).AddColumn("quantile");
        foreach (var c in report.Components)
        {
            quantiles.AddColumn($"{c.Name} sample");
            quantiles.AddColumn($"{c.Name} reference");
        }

        for (var i = 0; i < Descriptive.ReportLevels.Count; i++)
        {
            var cells = new List<string> { $"{Descriptive.ReportLevels[i] * 100:0}%" };
            foreach (var c in report.Components)
            {
                cells.Add(Format.Number(c.Quantiles[i]));
                cells.Add(c.ReferenceQuantiles is { } q ? Format.Number(q[i]) : NoReference);
            }

            quantiles.AddRow(cells.ToArray());
        }

        console.Write(quantiles);
        foreach (var c in report.Components)
        {
            if (c.Ks is { Passed: false } ks)
            {
                console.WriteLine($"KS: component {c.Name} rejects the reference law at false-failure probability {Format.Probability(ks.FalseFailureProbability)} (p = {Format.Probability(ks.PValue ?? double.NaN)}).");
            }
        }

        if (report.Correlation is { } r)
        {
            var verdict = r.Test.Passed ? "within" : "OUTSIDE";
            console.WriteLine(
                $"correlation: sample {Format.Number(r.Sample)}, reference {Format.Number(r.Reference)}, " +
                $"|difference| {Format.Short(r.Test.Statistic)} {verdict} the CLT bound {Format.Short(r.Bound)} " +
                $"(delta method, false-failure probability {Format.Probability(r.Test.FalseFailureProbability)})");
            return;
        }

        foreach (var pair in report.SampleCorrelations)
        {
            var label = report.Components.Count == 2 ? "correlation" : $"correlation of {pair.First} and {pair.Second}";
            console.WriteLine(
                $"{label}: sample {Format.Number(pair.Sample)} (standard error {Format.Short(pair.StandardError)}), {NoReference}");
        }
    }

    private static string Optional(double? value) => value is { } v ? Format.Number(v) : NoReference;
}
