using System.Globalization;
using GateDsl.Cli.Rendering;
using GateDsl.Compiler;
using GateDsl.Distributions;
using GateDsl.Language;
using GateDsl.Validation;
using Spectre.Console;

namespace GateDsl.Cli.Sampling;

/// <summary>
/// The logic of <c>gatec sample "&lt;expr&gt;" [--import FILE]... -n N --seed S [--json] [--plot out.png]</c>
/// after the front end: <see cref="Commands.SampleCommand"/> compiles the expression with
/// <see cref="Compilation.ForCall"/>, prints its diagnostics when it has errors, and
/// otherwise calls <see cref="Run"/>; the draws and statistics are <see cref="SampleAnalysis"/>
/// (GateDsl.Validation). Exit codes (<see cref="ExitCodes"/>): 0 done (the verdicts are printed, not turned into
/// an exit code); 2 usage error (n outside 3..<see cref="MaxDraws"/>, a plot path that is empty, a
/// folder or in a folder that does not exist, parameter values a sampler rejects at run time such as
/// <c>Uniform(2, 1)</c>); 1 the plot could not be written. Usage errors are found before anything is
/// drawn or allocated.
/// </summary>
public static class SampleCommandRunner
{
    /// <summary>
    /// The most draws <c>gatec sample -n</c> takes: 50,000,000 (about 400 MB per component in float64,
    /// several times that while sorting and plotting). Larger sizes are a usage error, not an allocation failure.
    /// </summary>
    public const int MaxDraws = 50_000_000;

    /// <summary>
    /// What is wrong with <paramref name="n"/> as the number of draws, for a usage error, or null
    /// when it lies in 3..<see cref="MaxDraws"/>. The message starts with <c>-n</c>.
    /// </summary>
    public static string? DrawCountProblem(long n) => n switch
    {
        < 3 => string.Create(CultureInfo.InvariantCulture, $"-n must be at least 3 (got {n})."),
        > MaxDraws => string.Create(CultureInfo.InvariantCulture, $"-n must be at most {MaxDraws:N0} (got {n:N0}); the limit keeps a sample in memory."),
        _ => null,
    };

    /// <summary>Runs the command; see the class summary for exit codes.</summary>
    /// <param name="call">The compiled distribution call (e.g. <c>BivariateBeta(2, 3, 1.5)</c>).</param>
    /// <param name="n">Number of draws (3 to <see cref="MaxDraws"/>).</param>
    /// <param name="seed">Seed of the torch generator.</param>
    /// <param name="json">Print JSON (<see cref="SampleReportJson"/>) instead of tables.</param>
    /// <param name="plotPath">When set, also write a PNG there (<see cref="SamplePlot"/>).</param>
    /// <param name="out">Standard output.</param>
    /// <param name="err">Standard error (messages for the user).</param>
    public static int Run(StandaloneCall call, int n, long seed, bool json, string? plotPath, TextWriter @out, TextWriter err)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(@out);
        ArgumentNullException.ThrowIfNull(err);
        if (DrawCountProblem(n) is { } badCount)
        {
            err.WriteLine($"gatec: {badCount}");
            return ExitCodes.Usage;
        }

        if (plotPath is not null && SamplePlot.PathProblem(plotPath) is { } badPlot)
        {
            err.WriteLine($"gatec: {badPlot}");
            return ExitCodes.Usage;
        }

        SampleReport report;
        try
        {
            report = SampleAnalysis.Sample(call, n, seed);
        }
        catch (DistributionParameterException e)
        {
            // Only the samplers' parameter validation is the user's mistake; any other exception is a bug.
            err.WriteLine($"gatec: {e.Message}");
            return ExitCodes.Usage;
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
                return ExitCodes.Failure;
            }

            if (!json)
            {
                @out.WriteLine($"plot written to {plotPath}");
            }
        }

        return ExitCodes.Success;
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
