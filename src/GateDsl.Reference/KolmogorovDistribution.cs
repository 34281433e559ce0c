namespace GateDsl.Reference;

/// <summary>
/// The distribution of the two-sided Kolmogorov-Smirnov statistic D_n = sup |F_n - F| for a
/// continuous F. MathNet has none, so three evaluators are combined (see <see cref="Survival"/>).
/// </summary>
public static class KolmogorovDistribution
{
    // The Durbin matrix has order 2k - 1 with k = ceil(n d); Survival stops using it above this order,
    // where the O(m^3 log n) cost is no longer worth it (the Smirnov branch is as accurate there).
    private const int MaxExactOrder = 101;

    // ExactCdf refuses beyond this order (seconds per call).
    private const int MaxCallableOrder = 401;

    /// <summary>
    /// P(D_n &gt;= d), the p-value of an observed d. Range: n &gt;= 1, d real.
    /// </summary>
    /// <remarks>
    /// Evaluator choice and accuracy (absolute error of the p-value):
    /// d &lt;= 1/(2n): 1 exactly; d &gt;= 1: 0 exactly.
    /// n d^2 &gt;= 18: 2 P(D+ &gt;= d) by the exact Birnbaum-Tingey sum; the two one-sided events
    /// can then not both happen to any visible degree (error far below 1e-15).
    /// Durbin-matrix order 2 ceil(n d) - 1 &lt;= 101: 1 - <see cref="ExactCdf"/> (Marsaglia-Tsang-Wang),
    /// error about 1e-13.
    /// Otherwise, if 2 P(D+ &gt;= d) &lt;= 0.2: that value; it exceeds the true p-value by
    /// P(D+ &gt;= d and D- &gt;= d), asymptotically 2 exp(-8 lambda^2), i.e. about p^4/8 (below 2e-4
    /// at p = 0.2, below 1e-6 at p = 0.05).
    /// Otherwise (p &gt; 0.2, far from any verdict): Kolmogorov's limit with Stephens's correction,
    /// Q((sqrt n + 0.12 + 0.11/sqrt n) d), error about 1e-3.
    /// </remarks>
    public static double Survival(int n, double d)
    {
        CheckN(n);
        if (double.IsNaN(d))
        {
            throw new ArgumentOutOfRangeException(nameof(d), d, "d must be a number.");
        }

        if (d <= 0.5 / n)
        {
            return 1;
        }

        if (d >= 1)
        {
            return 0;
        }

        double twoSmirnov = Math.Min(1.0, 2 * SmirnovSurvival(n, d));
        if (n * d * d >= 18)
        {
            return twoSmirnov;
        }

        if (DurbinOrder(n, d) <= MaxExactOrder)
        {
            return Math.Clamp(1 - ExactCdf(n, d), 0, 1);
        }

        if (twoSmirnov <= 0.2)
        {
            return twoSmirnov;
        }

        double sn = Math.Sqrt(n);
        return LimitingSurvival((sn + 0.12 + 0.11 / sn) * d);
    }

    /// <summary>
    /// P(D_n &lt; d) exactly, by Marsaglia, Tsang and Wang (2003), "Evaluating Kolmogorov's
    /// distribution", J. Stat. Softw. 8(18): the Durbin matrix raised to the n-th power with
    /// exponent bookkeeping against overflow. About 13 correct digits. Range: n &gt;= 1; cost grows
    /// like (2 n d)^3 log n, so n d must stay below 200.
    /// </summary>
    public static double ExactCdf(int n, double d)
    {
        CheckN(n);
        if (d <= 0.5 / n)
        {
            return 0;
        }

        if (d >= 1)
        {
            return 1;
        }

        int m = DurbinOrder(n, d);
        if (m > MaxCallableOrder)
        {
            throw new ArgumentOutOfRangeException(nameof(d), d, $"n d is too large for the exact evaluator (matrix order {m} > {MaxCallableOrder}); use Survival.");
        }

        int k = (m + 1) / 2;
        double h = k - n * d;
        var hm = new double[m * m];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < m; j++)
            {
                hm[i * m + j] = i - j + 1 < 0 ? 0 : 1;
            }
        }

        for (int i = 0; i < m; i++)
        {
            hm[i * m] -= Math.Pow(h, i + 1);
            hm[(m - 1) * m + i] -= Math.Pow(h, m - i);
        }

        hm[(m - 1) * m] += 2 * h - 1 > 0 ? Math.Pow(2 * h - 1, m) : 0;
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < m; j++)
            {
                if (i - j + 1 > 0)
                {
                    for (int g = 1; g <= i - j + 1; g++)
                    {
                        hm[i * m + j] /= g;
                    }
                }
            }
        }

        var (q, eq) = Power(hm, m, n);
        double s = q[(k - 1) * m + (k - 1)];
        for (int i = 1; i <= n; i++)
        {
            s = s * i / n;
            if (s < 1e-140)
            {
                s *= 1e140;
                eq -= 140;
            }
        }

        return s * Math.Pow(10, eq);
    }

    /// <summary>
    /// P(D+_n &gt;= d) for the one-sided statistic, exactly, by the Birnbaum-Tingey (1951) sum
    /// d sum_{j=0}^{floor(n(1-d))} C(n,j) (1 - d - j/n)^(n-j) (d + j/n)^(j-1) (all terms positive, so no
    /// cancellation). Range: n &gt;= 1, 0 &lt; d &lt; 1.
    /// </summary>
    public static double SmirnovSurvival(int n, double d)
    {
        CheckN(n);
        if (d <= 0)
        {
            return 1;
        }

        if (d >= 1)
        {
            return 0;
        }

        // ln C(n, j) is updated incrementally: two logarithms per term instead of three log-gammas.
        double lnC = 0;
        double sum = 0;
        int jMax = (int)Math.Floor(n * (1 - d));
        for (int j = 0; j <= jMax; j++)
        {
            if (j > 0)
            {
                lnC += Math.Log(n - j + 1) - Math.Log(j);
            }

            double baseLeft = 1 - d - (double)j / n;
            if (baseLeft <= 0 && n - j > 0)
            {
                continue;
            }

            double term = lnC + (n - j) * Math.Log(baseLeft) + (j - 1) * Math.Log(d + (double)j / n);
            sum += Math.Exp(term);
        }

        return Math.Min(1, d * sum);
    }

    /// <summary>
    /// Kolmogorov's limit Q(lambda) = lim P(sqrt(n) D_n &gt; lambda) = 2 sum_k (-1)^(k-1) exp(-2 k^2 lambda^2),
    /// with Jacobi's dual series for small lambda. Accurate to about 1e-15. Range: lambda real.
    /// </summary>
    public static double LimitingSurvival(double lambda)
    {
        if (lambda <= 0)
        {
            return 1;
        }

        if (lambda < 1)
        {
            // K(lambda) = sqrt(2 pi)/lambda sum_{k>=1} exp(-(2k-1)^2 pi^2 / (8 lambda^2)).
            double sum = 0;
            for (int k = 1; k <= 20; k++)
            {
                sum += Math.Exp(-(2 * k - 1) * (2 * k - 1) * Math.PI * Math.PI / (8 * lambda * lambda));
            }

            return 1 - Math.Sqrt(2 * Math.PI) / lambda * sum;
        }

        double q = 0;
        for (int k = 1; k <= 100; k++)
        {
            double term = Math.Exp(-2.0 * k * k * lambda * lambda);
            q += (k % 2 == 1 ? 2 : -2) * term;
            if (term < 1e-18)
            {
                break;
            }
        }

        return q;
    }

    /// <summary>
    /// The d with P(D_n &gt;= d) = alpha, found by bisection on <see cref="Survival"/>. Range: n &gt;= 1,
    /// alpha in (0, 1).
    /// </summary>
    public static double CriticalValue(int n, double alpha)
    {
        CheckN(n);
        Guard.Probability(alpha, nameof(alpha));
        double lo = 0.5 / n;
        double hi = 1;
        for (int i = 0; i < 60; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (Survival(n, mid) > alpha)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return hi;
    }

    private static int DurbinOrder(int n, double d) => 2 * ((int)(n * d) + 1) - 1;

    private static void CheckN(int n)
    {
        if (n < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, "n must be >= 1.");
        }
    }

    private static (double[] Matrix, int Exponent) Power(double[] a, int m, int n)
    {
        if (n == 1)
        {
            return ((double[])a.Clone(), 0);
        }

        var (v, ev) = Power(a, m, n / 2);
        var b = Multiply(v, v, m);
        int eb = 2 * ev;
        if (n % 2 == 1)
        {
            b = Multiply(a, b, m);
        }

        if (b[(m / 2) * m + m / 2] > 1e140)
        {
            for (int i = 0; i < b.Length; i++)
            {
                b[i] *= 1e-140;
            }

            eb += 140;
        }

        return (b, eb);
    }

    private static double[] Multiply(double[] x, double[] y, int m)
    {
        var z = new double[m * m];
        for (int i = 0; i < m; i++)
        {
            for (int k = 0; k < m; k++)
            {
                double xik = x[i * m + k];
                if (xik == 0)
                {
                    continue;
                }

                for (int j = 0; j < m; j++)
                {
                    z[i * m + j] += xik * y[k * m + j];
                }
            }
        }

        return z;
    }
}
