namespace GateDsl.Reference;

/// <summary>
/// A non-asymptotic two-dimensional check: at each of the m = (k-1)^2 interior corner points of a
/// <see cref="JointGrid"/> the empirical joint CDF must lie within eps = sqrt(ln(2m/alpha) / (2n)) of
/// the reference. By Hoeffding's inequality at each point and a union bound over the m points, the
/// check fails under the null with probability at most alpha, for any n.
/// </summary>
public static class JointCdfGridCheck
{
    /// <summary>
    /// Statistic: max over the interior corner points of |F_n(x, y) - F(x, y)|. Range: xs, ys of
    /// equal length n &gt;= 1; alpha in (0, 1).
    /// </summary>
    public static StatisticalTestResult Check(IReadOnlyList<double> xs, IReadOnlyList<double> ys, JointGrid grid, double alpha)
    {
        ArgumentNullException.ThrowIfNull(grid);
        Guard.Probability(alpha, nameof(alpha));
        var counts = grid.Count(xs, ys);
        int n = xs.Count;
        int k = grid.CellsPerAxis;
        int m = (k - 1) * (k - 1);

        // Cumulative counts: cum[i, j] = #{X in cells 0..i-1, Y in cells 0..j-1} estimates F at corner (i, j).
        var cum = new long[k + 1, k + 1];
        for (int i = 1; i <= k; i++)
        {
            for (int j = 1; j <= k; j++)
            {
                cum[i, j] = counts[i - 1, j - 1] + cum[i - 1, j] + cum[i, j - 1] - cum[i - 1, j - 1];
            }
        }

        double stat = 0;
        for (int i = 1; i < k; i++)
        {
            for (int j = 1; j < k; j++)
            {
                stat = Math.Max(stat, Math.Abs((double)cum[i, j] / n - grid.CdfAtEdges[i, j]));
            }
        }

        double eps = Epsilon(n, m, alpha);
        double p = Math.Min(1, 2 * m * Math.Exp(-2 * n * stat * stat));
        return new StatisticalTestResult("JointCdfGrid", n, stat, eps, p, alpha, stat <= eps);
    }

    /// <summary>The band sqrt(ln(2m/alpha) / (2n)). Range: n, m &gt;= 1; alpha in (0, 1).</summary>
    public static double Epsilon(int n, int points, double alpha)
    {
        if (n < 1 || points < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, "n and points must be >= 1.");
        }

        Guard.Probability(alpha, nameof(alpha));
        return Math.Sqrt(Math.Log(2.0 * points / alpha) / (2.0 * n));
    }

    /// <summary>
    /// n so that an alternative whose joint CDF differs by at least delta at one of the m corner
    /// points is missed with probability at most beta: n = ceil(((sqrt(ln(2m/alpha)/2) +
    /// sqrt(ln(2/beta)/2)) / delta)^2) (Hoeffding at that point). Rigorous, no approximation.
    /// </summary>
    public static int SampleSizeForPower(double delta, int points, double alpha, double beta)
    {
        Guard.Probability(delta, nameof(delta));
        Guard.Probability(alpha, nameof(alpha));
        Guard.Probability(beta, nameof(beta));
        double c = Math.Sqrt(Math.Log(2.0 * points / alpha) / 2) + Math.Sqrt(Math.Log(2 / beta) / 2);
        return checked((int)Math.Ceiling(c * c / (delta * delta)));
    }

    /// <summary>max over interior corners of |F - G| between two grids with the same edges.</summary>
    public static double MaxCornerDistance(JointGrid grid, JointGrid alternative)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(alternative);
        int k = grid.CellsPerAxis;
        double best = 0;
        for (int i = 1; i < k; i++)
        {
            for (int j = 1; j < k; j++)
            {
                best = Math.Max(best, Math.Abs(grid.CdfAtEdges[i, j] - alternative.CdfAtEdges[i, j]));
            }
        }

        return best;
    }
}
