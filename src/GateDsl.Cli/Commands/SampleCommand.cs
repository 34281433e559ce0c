using System.CommandLine;
using GateDsl.Validation;

namespace GateDsl.Cli.Commands;

/// <summary>
/// <c>gatec sample "&lt;expr&gt;" [--import FILE] [-n N] [--seed S] [--json] [--plot out.png]</c>: draws
/// from a standard distribution and sets the draws against its MathNet reference. The logic is
/// <see cref="SampleCommandRunner"/> (src/GateDsl.Validation); this file only binds the options.
/// </summary>
internal static class SampleCommand
{
    public static Command Create(CliContext context)
    {
        var expr = new Argument<string>("expr") { Description = "A distribution call, e.g. \"BivariateBeta(2, 3, 1.5)\", \"Beta(0.5, 0.5)\", \"Gamma(2)\"." };
        var import = new Option<string?>("--import") { Description = "A .gate file with more distributions (not yet supported)." };
        var n = new Option<int>("-n") { Description = "Number of draws.", DefaultValueFactory = _ => 100_000 };
        var seed = new Option<long>("--seed") { Description = "Seed of the random generator.", DefaultValueFactory = _ => 0 };
        var json = new Option<bool>("--json")
        {
            Description = "Print {\"distribution\",\"n\",\"components\":[{\"mean\",\"variance\",\"referenceMean\",\"referenceVariance\",\"ks\":{...}}],\"correlation\":{...}} (see docs/validation.md).",
        };
        var plot = new Option<string?>("--plot") { Description = "Write a PNG: histogram over the reference density (a 2-D density for joint laws)." };
        var command = new Command(
            "sample",
            "Sample a distribution and compare with its reference: mean, variance, quantiles, KS per component, " +
            "correlation for joint laws. Exit 0 on success, 1 when the plot cannot be written, 2 on usage errors.")
        {
            expr,
            import,
            n,
            seed,
            json,
            plot,
        };
        command.SetAction(result => SampleCommandRunner.Run(
            result.GetValue(expr) ?? string.Empty,
            result.GetValue(n),
            result.GetValue(seed),
            result.GetValue(json),
            result.GetValue(plot),
            context.Out,
            context.Error,
            result.GetValue(import)));
        return command;
    }
}
