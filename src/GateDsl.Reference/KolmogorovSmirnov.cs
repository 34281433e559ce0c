namespace GateDsl.Reference;

/// <summary>One-sample Kolmogorov-Smirnov test of a sample against a continuous reference CDF.</summary>
public static class KolmogorovSmirnov
{
    /// <summary>Default false-failure probability of the library's statistical tests.</summary>
    public const double DefaultFalseFailureProbability = 1e-3;

    /// <summary>
    /// D = sup |F_n - F| and its p-value from <see cref="KolmogorovDistribution.Survival"/>. The test
    /// passes when the p-value is at least <paramref name="falseFailureProbability"/>, so under the
    /// null it fails with exactly that probability (up to the p-value's documented error).
    /// <see cref="StatisticalTestResult.Threshold"/> is the critical D from the one-sided Smirnov
    /// approximation 2 P(D+ &gt;= d) = alpha (meant for alpha &lt;= 0.5), which agrees with the verdict to within a relative
    /// p-value error of about alpha^3/8. Range: at least 1 finite value; alpha in (0, 1).
    /// </summary>
    public static StatisticalTestResult OneSample(
        IReadOnlyCollection<double> sample,
        Func<double, double> cdf,
        double falseFailureProbability = DefaultFalseFailureProbability)
    {
        Guard.Sample(sample, 1, nameof(sample));
        ArgumentNullException.ThrowIfNull(cdf);
        Guard.Probability(falseFailureProbability, nameof(falseFailureProbability));
        double d = Statistic(sample, cdf);
        int n = sample.Count;
        double p = KolmogorovDistribution.Survival(n, d);
        return new StatisticalTestResult(
            "KolmogorovSmirnov", n, d, SmirnovCriticalValue(n, falseFailureProbability), p, falseFailureProbability,
            p >= falseFailureProbability);
    }

    /// <summary>The KS test against a reference law's CDF.</summary>
    public static StatisticalTestResult OneSample(
        IReadOnlyCollection<double> sample,
        IReferenceDistribution reference,
        double falseFailureProbability = DefaultFalseFailureProbability)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return OneSample(sample, reference.Cdf, falseFailureProbability);
    }

    /// <summary>D_n = sup_x |F_n(x) - F(x)| for the empirical CDF F_n of the sample.</summary>
    public static double Statistic(IReadOnlyCollection<double> sample, Func<double, double> cdf)
    {
        Guard.Sample(sample, 1, nameof(sample));
        ArgumentNullException.ThrowIfNull(cdf);
        var sorted = sample.ToArray();
        Array.Sort(sorted);
        int n = sorted.Length;
        double d = 0;
        for (int i = 0; i < n; i++)
        {
            if (double.IsNaN(sorted[i]))
            {
                throw new ArgumentException("sample must not contain NaN.", nameof(sample));
            }

            double f = cdf(sorted[i]);
            d = Math.Max(d, Math.Max((i + 1.0) / n - f, f - (double)i / n));
        }

        return d;
    }

    /// <summary>The d with 2 P(D+_n &gt;= d) = alpha (bisection on the exact one-sided law).</summary>
    public static double SmirnovCriticalValue(int n, double alpha)
    {
        Guard.Probability(alpha, nameof(alpha));
        // The root lies below the DKW band sqrt(ln(2/alpha)/(2n)) and above half of it. ln P(D+ >= d) is
        // close to linear in d^2 (about -2 n d^2), so regula falsi in d^2 with the Illinois
        // modification converges in a handful of Birnbaum-Tingey sums.
        double eps = Math.Min(Dkw.Epsilon(n, alpha), 1);
        double lo = 0.25 * eps * eps, hi = eps * eps;
        double G(double x) => Math.Log(2 * KolmogorovDistribution.SmirnovSurvival(n, Math.Sqrt(x))) - Math.Log(alpha);
        double glo = G(lo), ghi = G(hi);
        if (!(glo > 0) || !(ghi <= 0))
        {
            return Math.Sqrt(hi); // alpha outside the bracket's range (alpha near 1): the DKW band itself
        }

        int side = 0;
        for (int i = 0; i < 100 && hi - lo > 1e-14 * hi; i++)
        {
            double x = (lo * ghi - hi * glo) / (ghi - glo);
            double gx = G(x);
            if (gx > 0)
            {
                lo = x;
                glo = gx;
                if (side == -1)
                {
                    ghi /= 2;
                }

                side = -1;
            }
            else
            {
                hi = x;
                ghi = gx;
                if (side == 1)
                {
                    glo /= 2;
                }

                side = 1;
            }

            if (Math.Abs(gx) < 1e-13)
            {
                return Math.Sqrt(x);
            }
        }

        return Math.Sqrt(hi);
    }
}
