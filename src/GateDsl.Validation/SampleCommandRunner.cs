using Spectre.Console;

namespace GateDsl.Validation;

/// <summary>
/// The logic of <c>gatec sample "&lt;expr&gt;" [--import FILE] -n N --seed S [--json] [--plot out.png]</c>,
/// independent of the command-line parser so that the CLI only binds options and calls
/// <see cref="Run"/>. Exit codes: 0 done (the verdicts are printed, not turned into an exit code);
/// 2 usage error (bad expression, unknown distribution, wrong arity or parameter values, n &lt; 3,
/// --import, which is not supported yet); 1 the plot could not be written.
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
    /// <param name="expr">A distribution call in GATE syntax, e.g. <c>BivariateBeta(2, 3, 1.5)</c>.</param>
    /// <param name="n">Number of draws (at least 3).</param>
    /// <param name="seed">Seed of the torch generator.</param>
    /// <param name="json">Print JSON (<see cref="SampleReportJson"/>) instead of tables.</param>
    /// <param name="plotPath">When set, also write a PNG there (<see cref="SamplePlot"/>).</param>
    /// <param name="out">Standard output.</param>
    /// <param name="err">Standard error (messages for the user).</param>
    /// <param name="importFile">The --import option; distributions of other spec files are not supported yet.</param>
    public static int Run(string expr, int n, long seed, bool json, string? plotPath, TextWriter @out, TextWriter err, string? importFile = null)
    {
        ArgumentNullException.ThrowIfNull(@out);
        ArgumentNullException.ThrowIfNull(err);
        if (importFile is not null)
        {
            err.WriteLine($"gatec: --import is not yet supported (got `{importFile}`): `gatec sample` only knows the standard distributions "
                + $"({string.Join(", ", DistributionCatalogue.All.Select(e => e.Name))}), which need no import.");
            return UsageError;
        }

        if (n < 3)
        {
            err.WriteLine($"gatec: -n must be at least 3 (got {n}).");
            return UsageError;
        }

        if (!DistributionCallParser.TryParse(expr ?? string.Empty, out var call, out var parseError))
        {
            err.WriteLine($"gatec: cannot read the distribution call `{expr}`: {parseError}");
            return UsageError;
        }

        SampleReport report;
        try
        {
            var entry = DistributionCatalogue.Find(call!.Name);
            if (entry is null)
            {
                err.WriteLine($"gatec: {DistributionCatalogue.UnknownMessage(call.Name)}");
                return UsageError;
            }

            report = SampleAnalysis.Sample(entry.Name, call.Arguments.ToArray(), n, seed);
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
            WriteTables(report, Terminal.Create(@out, Terminal.IsInteractive(@out)));
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

    private static void WriteTables(SampleReport report, IAnsiConsole console)
    {
        console.WriteLine($"{report.Distribution}: n = {report.N}, seed = {report.Seed}");
        var moments = new Table().Border(TableBorder.Rounded)
            .AddColumns("component", "mean", "reference mean", "variance", "reference variance", "KS statistic", "KS p-value");
        foreach (var c in report.Components)
        {
            moments.AddRow(c.Name, Format.Number(c.Mean), Format.Number(c.ReferenceMean), Format.Number(c.Variance),
                Format.Number(c.ReferenceVariance), Format.Short(c.Ks.Statistic), Format.Probability(c.Ks.PValue ?? double.NaN));
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
                cells.Add(Format.Number(c.ReferenceQuantiles[i]));
            }

            quantiles.AddRow(cells.ToArray());
        }

        console.Write(quantiles);
        foreach (var c in report.Components.Where(c => !c.Ks.Passed))
        {
            console.WriteLine($"KS: component {c.Name} rejects the reference law at false-failure probability {Format.Probability(c.Ks.FalseFailureProbability)} (p = {Format.Probability(c.Ks.PValue ?? double.NaN)}).");
        }

        if (report.Correlation is { } r)
        {
            var verdict = r.Test.Passed ? "within" : "OUTSIDE";
            console.WriteLine(
                $"correlation: sample {Format.Number(r.Sample)}, reference {Format.Number(r.Reference)}, " +
                $"|difference| {Format.Short(r.Test.Statistic)} {verdict} the CLT bound {Format.Short(r.Bound)} " +
                $"(delta method, false-failure probability {Format.Probability(r.Test.FalseFailureProbability)})");
        }
    }
}
