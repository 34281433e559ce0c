namespace GateDsl.Validation;

/// <summary>Sample statistics in double precision (two-pass, so large n does not lose digits).</summary>
public static class Descriptive
{
    /// <summary>The quantile levels every sample report prints.</summary>
    public static IReadOnlyList<double> ReportLevels { get; } = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99];

    /// <summary>
    /// Arithmetic mean: a compensated (Neumaier) sum divided by n, so that 200,000 draws of exactly 0.5
    /// have mean 0.5 and variance 0; where that sum overflows (draws near 1.8e308), the sum of x/n.
    /// </summary>
    public static double Mean(IReadOnlyList<double> xs)
    {
        ArgumentNullException.ThrowIfNull(xs);
        var n = (double)xs.Count;
        var direct = CompensatedSum(xs, 1.0) / n;
        return double.IsFinite(direct) || xs.Any(x => !double.IsFinite(x)) ? direct : CompensatedSum(xs, 1.0 / n);
    }

    private static double CompensatedSum(IReadOnlyList<double> xs, double scale)
    {
        double sum = 0, compensation = 0;
        foreach (var value in xs)
        {
            var x = value * scale;
            var t = sum + x;
            compensation += Math.Abs(sum) >= Math.Abs(x) ? (sum - t) + x : (x - t) + sum;
            sum = t;
        }

        return sum + compensation;
    }

    /// <summary>Unbiased sample variance (divisor n - 1).</summary>
    public static double Variance(IReadOnlyList<double> xs)
    {
        var m = Mean(xs);
        var s = 0.0;
        foreach (var x in xs)
        {
            s += (x - m) * (x - m);
        }

        return s / (xs.Count - 1);
    }

    /// <summary>Pearson correlation of paired samples.</summary>
    public static double Correlation(IReadOnlyList<double> xs, IReadOnlyList<double> ys)
    {
        ArgumentNullException.ThrowIfNull(ys);
        var (mx, my) = (Mean(xs), Mean(ys));
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < xs.Count; i++)
        {
            var (dx, dy) = (xs[i] - mx, ys[i] - my);
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }

        return sxy / Math.Sqrt(sxx * syy);
    }

    /// <summary>Quantiles by linear interpolation between order statistics (Hyndman-Fan type 7, as NumPy's default).</summary>
    public static double[] Quantiles(IReadOnlyList<double> xs, IReadOnlyList<double> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        var sorted = xs.ToArray();
        Array.Sort(sorted);
        return levels.Select(p =>
        {
            var h = (sorted.Length - 1) * p;
            var lo = (int)Math.Floor(h);
            var hi = Math.Min(lo + 1, sorted.Length - 1);
            return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
        }).ToArray();
    }
}
