using System.CommandLine;
using System.Globalization;
using GateDsl.Cli.Json;
using GateDsl.Cli.Rendering;
using GateDsl.Compiler;
using GateDsl.Language;
using GateDsl.Language.Diagnostics;
using GateDsl.Cli.Sampling;

namespace GateDsl.Cli.Commands;

/// <summary>
/// <c>gatec sample "&lt;expr&gt;" [--import FILE]... [-n N] [--seed S] [--json] [--plot out.png]</c>:
/// the expression is one distribution call in the language, bound with
/// <see cref="Compilation.ForCall"/> against the standard library and the import files.
/// A bad expression (or a bad import file) prints its diagnostics as <c>gatec check</c> does and
/// exits 1. The sampling and the report are <see cref="SampleCommandRunner"/>:
/// standard laws are set against their MathNet references, user distributions get sample statistics only.
/// </summary>
internal static class SampleCommand
{
    public static Command Create(CliContext context)
    {
        var expr = new Argument<string>("expr")
        {
            Description = "A distribution call in the language, e.g. \"BivariateBeta(2, 3, 1.5)\", \"Beta(0.5, 0.5)\", \"Gamma(2)\", " +
                "or \"Dirichlet3(1, 2, 3)\" with --import examples/correlated_gates.gate.",
        };
        var import = new Option<string[]>("--import")
        {
            Description = "A .gate file whose distributions (and constants) the expression may use; repeatable. " +
                "Its distributions have no reference: sample statistics only.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var n = WholeNumberOptions.WithDefault(
            "-n",
            $"Number of draws, 3 to {SampleCommandRunner.MaxDraws.ToString("N0", CultureInfo.InvariantCulture)}.",
            100_000,
            SampleCommandRunner.DrawCountProblem);
        var seed = new Option<long>("--seed") { Description = "Seed of the random generator.", DefaultValueFactory = _ => 0 };
        var json = new Option<bool>("--json")
        {
            Description = "Print {\"distribution\",\"n\",\"components\":[{\"mean\",\"variance\",\"referenceMean\",\"referenceVariance\",\"ks\":{...}}],\"correlation\":{...}} " +
                "(reference fields null without a reference; see docs/validation.md). A bad expression prints {\"diagnostics\":[...]} as gatec check --json.",
        };
        var plot = new Option<string?>("--plot") { Description = "Write a PNG: histogram over the reference density (a 2-D density for joint laws); no reference curve for user distributions." };
        var command = new Command(
            "sample",
            "Sample a distribution call and compare with its reference: mean, variance, quantiles, KS per component, " +
            "correlation for joint laws (user distributions from --import: sample statistics only). " +
            "Exit 0 on success, 1 on errors in the expression or an import file (or when the plot cannot be written), " +
            "2 on usage errors (-n outside its range, a --plot path that is empty, a folder or in a missing folder, parameter values out of range).")
        {
            expr,
            import,
            n,
            seed,
            json,
            plot,
        };
        command.SetAction(result => Run(
            context,
            result.GetValue(expr) ?? string.Empty,
            result.GetValue(import) ?? Array.Empty<string>(),
            result.GetValue(n),
            result.GetValue(seed),
            result.GetValue(json),
            result.GetValue(plot)));
        return command;
    }

    public static int Run(CliContext context, string expression, IReadOnlyList<string> imports, int n, long seed, bool json, string? plot)
    {
        if (SampleCommandRunner.DrawCountProblem(n) is { } badCount)
        {
            return context.UsageError(badCount);
        }

        if (plot is not null && SamplePlot.PathProblem(plot) is { } badPlot)
        {
            return context.UsageError(badPlot);
        }

        if (InputFiles.RequireExistingOptional(context, imports) is { } usage)
        {
            return usage;
        }

        var call = Compilation.ForCall(expression, imports.Distinct(StringComparer.Ordinal).ToList());
        if (call.HasErrors || call.Call is not { } compiled)
        {
            if (json)
            {
                context.Out.WriteLine(GatecJsonContext.Serialize(new CheckReport(call.Diagnostics.Select(DiagnosticDto.From).ToList())));
            }
            else
            {
                DiagnosticRenderer.Write(context, call.Diagnostics);
                var errors = call.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
                context.Out.WriteLine($"{DiagnosticRenderer.Plural(errors, "error")}: nothing sampled");
            }

            return ExitCodes.Failure;
        }

        // Warnings (say, in an import file) do not stop sampling; the JSON stays the report alone.
        if (!json)
        {
            DiagnosticRenderer.Write(context, call.Diagnostics);
        }

        return SampleCommandRunner.Run(context, compiled, n, seed, json, plot);
    }
}
