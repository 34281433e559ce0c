using GateDsl.Reference;

namespace GateDsl.Validation;

/// <summary>
/// A DKW check of sup |F_n(x) - F(x)| over a window [lower, upper] of the support, for samplers
/// whose draws are clamped or rounded outside it: float32 draws below the smallest normal float
/// (1.2e-38) are clamped up to it and draws within 6e-8 of 1 are rounded to 1 - 2^-24, which with
/// shapes near 0.01 moves tenths of the mass. Inside the window neither changes F_n, and the sup
/// over the window is at most the sup over the line, so Massart's bound
/// P(sup &gt; eps) &lt;= 2 exp(-2 n eps^2) still gives the false-failure probability alpha.
/// </summary>
public static class WindowedKs
{
    /// <summary>sup over [lower, upper] of |F_n - F|, attained at the ends or at a draw (left or right limit).</summary>
    public static double Statistic(IReadOnlyList<double> sample, Func<double, double> cdf, double lower, double upper)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(cdf);
        var sorted = sample.ToArray();
        Array.Sort(sorted);
        var n = (double)sorted.Length;
        var atLower = CountAtMost(sorted, lower) / n;
        var atUpper = CountAtMost(sorted, upper) / n;
        var below = CountBelow(sorted, upper) / n;
        var d = Math.Max(Math.Abs(atLower - cdf(lower)), Math.Max(Math.Abs(atUpper - cdf(upper)), Math.Abs(below - cdf(upper))));
        for (var i = 0; i < sorted.Length; i++)
        {
            var x = sorted[i];
            if (x <= lower || x > upper)
            {
                continue;
            }

            var f = cdf(x);
            d = Math.Max(d, Math.Max((i + 1) / n - f, f - i / n));
        }

        return d;
    }

    /// <summary>The check: passes when the statistic is within the DKW band eps(n, alpha).</summary>
    public static StatisticalTestResult Check(IReadOnlyList<double> sample, Func<double, double> cdf, double lower, double upper, double alpha)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var d = Statistic(sample, cdf, lower, upper);
        var n = sample.Count;
        var eps = Dkw.Epsilon(n, alpha);
        return new StatisticalTestResult("WindowedDKW", n, d, eps, Math.Min(1, 2 * Math.Exp(-2 * n * d * d)), alpha, d <= eps);
    }

    private static int CountAtMost(double[] sorted, double x)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (sorted[mid] <= x)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static int CountBelow(double[] sorted, double x)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (sorted[mid] < x)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
