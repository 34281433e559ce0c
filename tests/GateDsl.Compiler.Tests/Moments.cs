using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Compiler.Tests;

/// <summary>
/// CLT checks of sample moments against known values, each with a stated false-failure
/// probability. Every check here uses <see cref="Z"/>: a two-sided normal quantile for
/// <see cref="TestBudget.Alpha"/> = 5e-10, and registers it in the <see cref="FalseFailureLedger"/> as it
/// runs, so the project's checks fail a correct sampler with probability below their registered sum for
/// a random seed (held to the project's share by <see cref="BudgetTests"/>); the seeds are fixed, so a
/// run is deterministic. The level is the CLT's nominal one (an approximation in the far tail).
/// </summary>
internal static class Moments
{
    /// <summary>Two-sided N(0,1) quantile for 5e-10: P(|Z| &gt; 6.22) = 4.97e-10 (it was 5.73 for 1e-8).</summary>
    public const double Z = 6.22;

    /// <summary>
    /// Draws needed for a check to resolve a discrepancy of <paramref name="resolution"/> per-draw
    /// standard deviations: the bound Z sd / sqrt(n) reaches it at n = (Z / resolution)^2.
    /// </summary>
    public static long SampleSize(double resolution) => (long)Math.Ceiling(Math.Pow(Z / resolution, 2));

    public static double[] Values(Tensor t) => t.detach().to(ScalarType.Float64).cpu().contiguous().data<double>().ToArray();

    public static double Scalar(Tensor t) => t.detach().to(ScalarType.Float64).cpu().item<double>();

    public static double Mean(double[] x) => x.Average();

    public static double Variance(double[] x)
    {
        var m = Mean(x);
        return x.Sum(v => (v - m) * (v - m)) / (x.Length - 1);
    }

    /// <summary>|mean - expected| within Z standard errors, the standard error from the known variance.</summary>
    public static void AssertMean(double[] x, double expected, double variance, string what)
    {
        var bound = Z * Math.Sqrt(variance / x.Length);
        var mean = Mean(x);
        Check(Math.Abs(mean - expected) <= bound, $"mean {what}: sample {mean:G6}, expected {expected:G6} +- {bound:G3}");
    }

    /// <summary>
    /// |s^2 - expected| within Z standard errors; the standard error sqrt((m4 - s^4) / n) uses the
    /// sample's fourth central moment (asymptotically exact).
    /// </summary>
    public static void AssertVariance(double[] x, double expected, string what)
    {
        var m = Mean(x);
        var s2 = Variance(x);
        var m4 = x.Sum(v => Math.Pow(v - m, 4)) / x.Length;
        var bound = Z * Math.Sqrt(Math.Max(m4 - s2 * s2, 0) / x.Length);
        Check(Math.Abs(s2 - expected) <= bound, $"variance {what}: sample {s2:G6}, expected {expected:G6} +- {bound:G3}");
    }

    /// <summary>Both moments of one component.</summary>
    public static void AssertLaw(double[] x, double mean, double variance, string what)
    {
        AssertMean(x, mean, variance, what);
        AssertVariance(x, variance, what);
    }

    /// <summary>
    /// Pearson's r against <paramref name="expected"/>; the standard error is the delta method's,
    /// sd(x'y' - r/2 (x'^2 + y'^2)) / sqrt(n) with x', y' standardized, valid for any law with
    /// finite fourth moments (Fisher's z would assume normality).
    /// </summary>
    public static void AssertCorrelation(double[] x, double[] y, double expected, string what)
    {
        var (mx, my) = (Mean(x), Mean(y));
        var (sx, sy) = (Math.Sqrt(Variance(x)), Math.Sqrt(Variance(y)));
        var zx = x.Select(v => (v - mx) / sx).ToArray();
        var zy = y.Select(v => (v - my) / sy).ToArray();
        var r = zx.Zip(zy, (a, b) => a * b).Sum() / (x.Length - 1);
        var influence = zx.Zip(zy, (a, b) => (a * b) - (r / 2 * ((a * a) + (b * b)))).ToArray();
        var bound = Z * Math.Sqrt(Variance(influence) / x.Length);
        Check(Math.Abs(r - expected) <= bound, $"correlation {what}: sample {r:G6}, expected {expected:G6} +- {bound:G3}");
    }

    /// <summary>A CLT check at <see cref="TestBudget.Alpha"/>, registered as it runs.</summary>
    private static void Check(bool passed, string what) => TestBudget.Check(passed, TestBudget.Alpha, what);
}
