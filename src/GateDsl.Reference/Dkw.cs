namespace GateDsl.Reference;

/// <summary>
/// The Dvoretzky-Kiefer-Wolfowitz inequality with Massart's (1990) constant:
/// P(sup |F_n - F| &gt; eps) &lt;= 2 exp(-2 n eps^2) for every n and every continuous F. A
/// non-asymptotic, distribution-free error budget: slightly conservative, never optimistic.
/// </summary>
public static class Dkw
{
    /// <summary>
    /// Smallest n with 2 exp(-2 n eps^2) &lt;= alpha: ceil(ln(2/alpha) / (2 eps^2)).
    /// Range: epsilon in (0, 1), alpha in (0, 1).
    /// </summary>
    public static int SampleSize(double epsilon, double alpha)
    {
        Guard.Probability(epsilon, nameof(epsilon));
        Guard.Probability(alpha, nameof(alpha));
        return checked((int)Math.Ceiling(Math.Log(2 / alpha) / (2 * epsilon * epsilon)));
    }

    /// <summary>The band half-width eps = sqrt(ln(2/alpha) / (2 n)). Range: n &gt;= 1, alpha in (0, 1).</summary>
    public static double Epsilon(int n, double alpha)
    {
        if (n < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, "n must be >= 1.");
        }

        Guard.Probability(alpha, nameof(alpha));
        return Math.Sqrt(Math.Log(2 / alpha) / (2.0 * n));
    }

    /// <summary>
    /// Checks sup |F_n - F| &lt;= eps(n, alpha). Fails under the null with probability at most alpha.
    /// The reported p-value is the DKW bound min(1, 2 exp(-2 n D^2)), an upper bound on the true one.
    /// </summary>
    public static StatisticalTestResult Check(IReadOnlyCollection<double> sample, Func<double, double> cdf, double alpha)
    {
        Guard.Sample(sample, 1, nameof(sample));
        Guard.Probability(alpha, nameof(alpha));
        double d = KolmogorovSmirnov.Statistic(sample, cdf);
        int n = sample.Count;
        double eps = Epsilon(n, alpha);
        return new StatisticalTestResult("DKW", n, d, eps, Math.Min(1, 2 * Math.Exp(-2 * n * d * d)), alpha, d <= eps);
    }

    /// <summary>
    /// Sample size that makes a DKW (or KS) check at false-failure probability alpha detect a wrong
    /// law G with sup |F - G| &gt;= delta, missing it with probability at most beta:
    /// n = ceil(((sqrt(ln(2/alpha)/2) + sqrt(ln(2/beta)/2)) / delta)^2).
    /// Why: D_n &gt;= delta - sup |F_n - G|, and sup |F_n - G| &gt;= delta - eps(n, alpha) = eps(n, beta)
    /// has probability at most beta by DKW under G. The KS critical value is below the DKW band, so
    /// the same n serves the KS test. Range: delta, alpha, beta in (0, 1).
    /// </summary>
    public static int SampleSizeForPower(double delta, double alpha, double beta)
    {
        Guard.Probability(delta, nameof(delta));
        Guard.Probability(alpha, nameof(alpha));
        Guard.Probability(beta, nameof(beta));
        double c = Math.Sqrt(Math.Log(2 / alpha) / 2) + Math.Sqrt(Math.Log(2 / beta) / 2);
        return checked((int)Math.Ceiling(c * c / (delta * delta)));
    }

    /// <summary>
    /// A lower bound on sup |F - G| from a grid of <paramref name="points"/> quantiles of F (plus the
    /// quantiles of G): using it in <see cref="SampleSizeForPower"/> errs toward larger samples.
    /// </summary>
    public static double SupDistance(IReferenceDistribution f, IReferenceDistribution g, int points = 400)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(g);
        if (points < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(points), points, "points must be >= 2.");
        }

        double best = 0;
        for (int i = 1; i < points; i++)
        {
            double p = (double)i / points;
            double x = f.Quantile(p);
            double y = g.Quantile(p);
            best = Math.Max(best, Math.Abs(f.Cdf(x) - g.Cdf(x)));
            best = Math.Max(best, Math.Abs(f.Cdf(y) - g.Cdf(y)));
        }

        return best;
    }
}
