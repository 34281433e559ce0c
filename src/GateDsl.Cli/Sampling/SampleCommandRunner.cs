using System.Globalization;
using GateDsl.Cli.Json;
using GateDsl.Cli.Rendering;
using GateDsl.Compiler;
using GateDsl.Distributions;
using GateDsl.Validation;

namespace GateDsl.Cli.Sampling;

/// <summary>
/// The logic of <c>gatec sample "&lt;expr&gt;" [--import FILE]... -n N --seed S [--json] [--plot out.png]</c>
/// after the front end: <see cref="Commands.SampleCommand"/> compiles the expression with
/// <see cref="Compilation.ForCall"/>, prints its diagnostics when it has errors, and
/// otherwise calls <see cref="Run(StandaloneCall, int, long, bool, string?, TextWriter, TextWriter)"/>;
/// the draws and statistics are <see cref="SampleAnalysis"/> (GateDsl.Validation). Exit codes
/// (<see cref="ExitCodes"/>): 0 done (the verdicts are printed, not turned into an exit code);
/// 1 parameter values a sampler rejects at run time such as <c>Uniform(2, 1)</c> (a diagnostic
/// under the argument, as the compiler reports its own errors), or the plot could not be written;
/// 2 usage error (n outside 3..<see cref="MaxDraws"/>, a plot path that is empty, a folder, in a
/// folder that does not exist, or with an extension other than .png and .svg). Usage errors are
/// found before anything is drawn or allocated.
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

    /// <summary>Runs the command with output that is not a terminal; see the class summary for exit codes.</summary>
    /// <param name="call">The compiled distribution call (e.g. <c>BivariateBeta(2, 3, 1.5)</c>).</param>
    /// <param name="n">Number of draws (3 to <see cref="MaxDraws"/>).</param>
    /// <param name="seed">Seed of the torch generator.</param>
    /// <param name="json">Print JSON (<see cref="SampleReportJson"/>) instead of tables.</param>
    /// <param name="plotPath">When set, also write a PNG or SVG there (<see cref="SamplePlot"/>).</param>
    /// <param name="out">Standard output.</param>
    /// <param name="err">Standard error (messages for the user).</param>
    public static int Run(StandaloneCall call, int n, long seed, bool json, string? plotPath, TextWriter @out, TextWriter err)
    {
        ArgumentNullException.ThrowIfNull(@out);
        ArgumentNullException.ThrowIfNull(err);
        return Run(new CliContext(@out, err, useColor: false), call, n, seed, json, plotPath);
    }

    /// <summary>Runs the command in <paramref name="context"/> (colour, table width); see the class summary.</summary>
    internal static int Run(CliContext context, StandaloneCall call, int n, long seed, bool json, string? plotPath)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (DrawCountProblem(n) is { } badCount)
        {
            return context.UsageError(badCount);
        }

        if (plotPath is not null && SamplePlot.PathProblem(plotPath) is { } badPlot)
        {
            return context.UsageError(badPlot);
        }

        SampleReport report;
        try
        {
            report = SampleAnalysis.Sample(call, n, seed);
        }
        catch (DistributionParameterException e)
        {
            // Only the samplers' parameter validation is the user's mistake; any other exception is a bug.
            var diagnostic = RejectedParameter.Diagnostic(call, e);
            if (json)
            {
                context.Out.WriteLine(GatecJsonContext.Serialize(new CheckReport([DiagnosticDto.From(diagnostic)])));
            }
            else
            {
                DiagnosticRenderer.Write(context, [diagnostic]);
                context.Out.WriteLine("1 error: nothing sampled");
            }

            return ExitCodes.Failure;
        }

        if (json)
        {
            context.Out.WriteLine(SampleReportJson.Write(report));
        }
        else
        {
            SampleTables.Write(context, report);
        }

        if (plotPath is not null)
        {
            try
            {
                SamplePlot.Write(report, plotPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                context.Error.WriteLine($"gatec: cannot write the plot to `{plotPath}`: {e.Message}");
                return ExitCodes.Failure;
            }

            if (!json)
            {
                context.Out.WriteLine($"plot written to {plotPath}");
            }
        }

        return ExitCodes.Success;
    }
}
