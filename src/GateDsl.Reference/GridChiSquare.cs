using MathNet.Numerics.Distributions;

namespace GateDsl.Reference;

/// <summary>
/// Pearson's chi-square test of a bivariate sample against a joint law on a k x k grid
/// (<see cref="JointGrid"/>): it sees the dependence, which marginal tests cannot. The null law of
/// the statistic is chi-square with k^2 - 1 degrees of freedom asymptotically; every expected count
/// must be at least 5, where the approximation is standard, and the method refuses otherwise.
/// </summary>
public static class GridChiSquare
{
    /// <summary>Smallest expected count per cell accepted by <see cref="Test"/>.</summary>
    public const double MinimumExpectedCount = 5;

    /// <summary>
    /// The test. Passes when X^2 &lt;= the (1 - alpha) quantile of chi-square(k^2 - 1).
    /// Range: xs, ys of equal length n with n * min cell probability &gt;= 5; alpha in (0, 1).
    /// </summary>
    public static StatisticalTestResult Test(IReadOnlyList<double> xs, IReadOnlyList<double> ys, JointGrid grid, double alpha)
    {
        ArgumentNullException.ThrowIfNull(grid);
        Guard.Probability(alpha, nameof(alpha));
        var counts = grid.Count(xs, ys);
        int n = xs.Count;
        int k = grid.CellsPerAxis;
        double stat = 0;
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                double e = n * grid.CellProbabilities[i, j];
                if (e < MinimumExpectedCount)
                {
                    throw new ArgumentException($"cell ({i},{j}) expects {e:G3} draws (< {MinimumExpectedCount}); use more draws or fewer cells.", nameof(xs));
                }

                double d = counts[i, j] - e;
                stat += d * d / e;
            }
        }

        int df = k * k - 1;
        double threshold = ChiSquared.InvCDF(df, 1 - alpha);
        double p = 1 - ChiSquared.CDF(df, stat);
        return new StatisticalTestResult("GridChiSquare", n, stat, threshold, p, alpha, stat <= threshold);
    }

    /// <summary>The least n whose expected count n p is at least <see cref="MinimumExpectedCount"/> in every cell.</summary>
    public static int MinimumSampleSize(JointGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        double smallest = grid.CellProbabilities.Cast<double>().Min();
        if (!(smallest > 0))
        {
            throw new ArgumentException("the grid has a cell of probability 0; use fewer cells.", nameof(grid));
        }

        return checked((int)Math.Ceiling(MinimumExpectedCount / smallest));
    }

    /// <summary>
    /// Sample size so that the test at false-failure probability alpha misses the alternative whose
    /// cell probabilities are <paramref name="alternative"/> with probability at most beta. Uses
    /// the noncentral chi-square with noncentrality lambda = n sum (q - p)^2 / p and its normal
    /// approximation (mean df + lambda, variance 2 (df + 2 lambda)): n is the least value with
    /// df + lambda - z_beta sqrt(2 (df + 2 lambda)) &gt;= critical value. Approximate; callers should
    /// state beta generously (the tests use 1e-3 and a factor 1.5 on n).
    /// </summary>
    public static int SampleSizeForPower(JointGrid grid, JointGrid alternative, double alpha, double beta)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(alternative);
        Guard.Probability(alpha, nameof(alpha));
        Guard.Probability(beta, nameof(beta));
        int k = grid.CellsPerAxis;
        if (alternative.CellsPerAxis != k)
        {
            throw new ArgumentException("alternative must have the same number of cells.", nameof(alternative));
        }

        double perDraw = 0;
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                double p = grid.CellProbabilities[i, j];
                double d = alternative.CellProbabilities[i, j] - p;
                perDraw += d * d / p;
            }
        }

        if (!(perDraw > 0))
        {
            throw new ArgumentException("the alternative has the same cell probabilities; no sample size separates them.", nameof(alternative));
        }

        int df = k * k - 1;
        double crit = ChiSquared.InvCDF(df, 1 - alpha);
        double zb = Normal.InvCDF(0, 1, 1 - beta);
        for (long n = 1; n < int.MaxValue; n = Math.Max(n + 1, (long)(n * 1.01)))
        {
            double lambda = n * perDraw;
            if (df + lambda - zb * Math.Sqrt(2 * (df + 2 * lambda)) >= crit)
            {
                return (int)n;
            }
        }

        throw new InvalidOperationException("no feasible sample size below int.MaxValue.");
    }
}
