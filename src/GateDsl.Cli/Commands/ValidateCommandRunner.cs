using System.Diagnostics;
using GateDsl.Cli.Rendering;
using GateDsl.Validation;
using Spectre.Console;

namespace GateDsl.Cli.Commands;

/// <summary>
/// The logic of <c>gatec validate [--quick]</c>: runs the <see cref="ValidationSuite"/> (full by
/// default, quick with --quick), shows a progress bar on an interactive terminal and one line per
/// check otherwise, then a summary table (distribution, property, statistic, bound, verdict).
/// Exit codes (<see cref="ExitCodes"/>): 0 every check passed; 1 at least one failed.
/// </summary>
public static class ValidateCommandRunner
{
    /// <summary>Runs the suite with output that is not a terminal (tables at their natural width).</summary>
    /// <param name="quick">The quick suite (CI sizes) instead of the full one.</param>
    /// <param name="out">Standard output.</param>
    /// <param name="err">Standard error (the failed checks are repeated there).</param>
    /// <param name="interactive">Show the progress bar (true) or one line per check (false, the default when <paramref name="out"/> is not the terminal).</param>
    /// <param name="sampler">The samplers to validate; the toolkit's by default (tests pass deliberately wrong ones).</param>
    /// <param name="falseFailureBudget">Total false-failure probability of the suite (1e-6 by default).</param>
    public static int Run(bool quick, TextWriter @out, TextWriter err, bool? interactive = null, SamplerUnderTest? sampler = null,
        double falseFailureBudget = ValidationSuite.TotalFalseFailureBudget)
    {
        ArgumentNullException.ThrowIfNull(@out);
        ArgumentNullException.ThrowIfNull(err);
        var live = interactive ?? Terminal.IsTerminal(@out);
        return Run(new CliContext(@out, err, useColor: live, isTerminal: live), quick, sampler, falseFailureBudget);
    }

    /// <summary>Runs the suite in <paramref name="context"/>: a progress bar on a terminal, one line per check otherwise.</summary>
    internal static int Run(CliContext context, bool quick, SamplerUnderTest? sampler = null, double falseFailureBudget = ValidationSuite.TotalFalseFailureBudget)
    {
        var live = context.IsTerminal;
        var @out = context.Out;
        var err = context.Error;
        var console = Terminal.Create(@out, context.UseColor, interactive: live, context.IsTerminal ? context.Width : null);
        var suite = ValidationSuite.Create(quick ? SuiteSize.Quick : SuiteSize.Full, falseFailureBudget);
        var statistical = suite.Checks.Count(c => c.IsStatistical);
        context.WriteLine(
            $"GateDsl validation ({suite.Size.ToString().ToLowerInvariant()}): {suite.Checks.Count} checks, {suite.SampleSize} draws per law " +
            $"({suite.GradientSampleSize} per gradient); false-failure budget {Format.Probability(falseFailureBudget)} " +
            $"= {statistical} statistical checks x {Format.Probability(suite.PerCheckFalseFailureProbability)}.");
        var watch = Stopwatch.StartNew();
        var results = new List<CheckResult>();
        if (live)
        {
            console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask("validating", maxValue: suite.Checks.Count);
                    foreach (var check in suite.Checks)
                    {
                        task.Description = Markup.Escape(Shorten(check.ToString(), 60));
                        results.Add(check.Run(sampler ?? SamplerUnderTest.Toolkit));
                        task.Increment(1);
                    }

                    task.Description = "done";
                });
        }
        else
        {
            var width = suite.Checks.Count.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
            foreach (var check in suite.Checks)
            {
                var r = check.Run(sampler ?? SamplerUnderTest.Toolkit);
                results.Add(r);
                var index = results.Count.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width);
                @out.WriteLine($"[{index}/{suite.Checks.Count}] {(r.Passed ? "pass" : "FAIL")} {check}");
            }
        }

        var table = new TextTable()
            .AddColumn("distribution").AddColumn("property").AddColumn("statistic").AddColumn("bound").AddColumn("false-failure prob.").AddColumn("verdict");
        foreach (var r in results)
        {
            table.AddRow(
                r.Check.Distribution,
                r.Check.Property,
                Format.Short(r.Outcome.Statistic),
                Format.Short(r.Outcome.Bound),
                r.Check.IsStatistical ? Format.Probability(r.Check.FalseFailureProbability) : "0 (exact)",
                r.Passed ? new TextCell("pass", "green") : new TextCell("FAIL", "red"));
        }

        context.Write(table);
        var failed = results.Where(r => !r.Passed).ToArray();
        foreach (var f in failed)
        {
            err.WriteLine($"failed: {f}");
        }

        context.WriteLine(
            $"{results.Count} checks, {failed.Length} failed, in {watch.Elapsed.TotalSeconds:F1} s. " +
            $"A correct toolkit fails this suite with probability at most {Format.Probability(suite.TotalFalseFailureProbability)}.");
        return failed.Length == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
