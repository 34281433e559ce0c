using MathNet.Numerics;

namespace GateDsl.Reference;

/// <summary>
/// The regularized lower incomplete gamma function P(a, x). MathNet 5.0.0's
/// <c>SpecialFunctions.GammaLowerRegularized</c> returns exactly 0 for x below about 1e-10, which is
/// wrong by whole percents for small shapes (P(0.1, 1e-15) = 0.033), so small x uses the series here.
/// MathNet's evaluation also slows down as the shape grows (about 13 ms per call at a = 1e12, and it
/// does not return in useful time at 1e16), so shapes from <see cref="AsymptoticShape"/> on use Temme's
/// uniform asymptotic expansion.
/// </summary>
internal static class IncompleteGamma
{
    /// <summary>
    /// Shapes from here on use <see cref="Temme"/>: its first omitted term is at most about
    /// |c1| / (sqrt(2 pi) a^1.5) = 1.85e-3 / (2.5 x 1e9) &lt; 1e-12 in absolute value at a = 1e6, and smaller above.
    /// </summary>
    public const double AsymptoticShape = 1e6;

    /// <summary>P(a, x) for a &gt; 0, x &gt;= 0; relative accuracy about 1e-15 on the series branch.</summary>
    public static double LowerRegularized(double a, double x)
    {
        if (!(x > 0))
        {
            return 0;
        }

        if (double.IsPositiveInfinity(x))
        {
            return 1;
        }

        if (a >= AsymptoticShape)
        {
            return Temme(a, x);
        }

        if (x >= a + 1 || x >= 1)
        {
            return SpecialFunctions.GammaLowerRegularized(a, x);
        }

        // P(a, x) = x^a e^-x / Gamma(a + 1) * sum_k x^k / ((a+1)...(a+k)); terms shrink at least by x/(a+1) < 1.
        double term = 1;
        double sum = 1;
        for (int k = 1; k < 1000; k++)
        {
            term *= x / (a + k);
            sum += term;
            if (term < 1e-17 * sum)
            {
                break;
            }
        }

        return Math.Exp(a * Math.Log(x) - x - SpecialFunctions.GammaLn(a + 1)) * sum;
    }

    /// <summary>
    /// Temme's uniform asymptotic expansion (DLMF 8.12.3-8.12.8) with its leading correction:
    /// P(a, x) = erfc(-eta sqrt(a/2)) / 2 - e^(-a eta^2 / 2) / sqrt(2 pi a) c0(eta) + O(a^-1.5), where
    /// lambda = x / a, eta = sign(lambda - 1) sqrt(2 (lambda - 1 - ln lambda)) and
    /// c0(eta) = 1 / (lambda - 1) - 1 / eta (its Taylor series near eta = 0, DLMF 8.12.9). Uniform in x:
    /// absolute error below 1e-12 for a &gt;= 1e6. Costs one erfc and a logarithm.
    /// </summary>
    public static double Temme(double a, double x)
    {
        // t = lambda - 1 from x - a (exact near the mean): x / a - 1 would carry the rounding of x / a,
        // 1e-16, which is 1e-8 of t one standard deviation from the mean at a = 1e16.
        double t = (x - a) / a;
        double lambda = 1 + t;
        double mu;
        if (Math.Abs(t) < 0.1)
        {
            // lambda - 1 - ln(lambda) = sum_k>=2 (-1)^k t^k / k, without the cancellation of t - log1p(t).
            mu = 0;
            double power = t;
            for (int k = 2; k < 40; k++)
            {
                power *= -t;
                double term = -power / k;
                mu += term;
                if (Math.Abs(term) <= 1e-17 * Math.Abs(mu))
                {
                    break;
                }
            }
        }
        else
        {
            mu = t - Math.Log(lambda);
        }

        double eta = Math.Sign(t) * Math.Sqrt(2 * mu);
        double c0 = Math.Abs(eta) < 0.1
            ? -1.0 / 3 + eta * (1.0 / 12 + eta * (-2.0 / 135 + eta * (1.0 / 864 + eta * (1.0 / 2835 - eta * 139.0 / 777600))))
            : 1 / t - 1 / eta;
        double leading = 0.5 * SpecialFunctions.Erfc(-eta * Math.Sqrt(a / 2));
        double correction = Math.Exp(-0.5 * a * eta * eta) / Math.Sqrt(2 * Math.PI * a) * c0;
        return Math.Clamp(leading - correction, 0, 1);
    }
}
