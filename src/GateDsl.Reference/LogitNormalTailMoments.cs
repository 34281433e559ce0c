using MathNet.Numerics;

namespace GateDsl.Reference;

/// <summary>
/// Mean and variance of LogitNormal(mu, sigma) for |mu| &gt; 20 sigma and |mu| &gt;= 20, where the quadrature of
/// <see cref="LogitNormalReference"/> has lost its relative accuracy (3e-5 at (-2.0e6, 89393), whose mean is
/// 1.6282003e-111; off by 100% for LogitNormal(-120, 2)). For the reflected law mu = -k, X ~ N(-k, sigma^2):
/// where sigma &lt;= 5 or k &gt;= 2 sigma^2 + 10 sigma, the series of E[sigmoid(X)^j; X &lt; 0] in
/// A_n = e^(-n k + n^2 sigma^2/2) Phi((k - n sigma^2)/sigma) (eight terms, the variance's leading terms formed with
/// expm1 so they do not cancel); elsewhere Phi_c(k/sigma) and the integrals of sigmoid(-x)^j against the normal
/// density on either side of 0, by adaptive Gauss-Kronrod over [0, 40] and in closed form beyond (where
/// sigmoid(-x)^j = e^(-jx)). The derivation is in GateDsl.Distributions' LogitNormalTail, the toolkit's twin;
/// both are checked against mpmath at 60 digits (docs/validation.md).
/// </summary>
internal static class LogitNormalTailMoments
{
    private const int Terms = 8;
    private const double Reach = 40;

    /// <summary>Whether the tail forms apply.</summary>
    public static bool Applies(double mu, double sigma) => Math.Abs(mu) > 20 * sigma && Math.Abs(mu) >= 20;

    /// <summary>(mean, variance) of LogitNormal(mu, sigma) where <see cref="Applies"/>.</summary>
    public static (double Mean, double Variance) Compute(double mu, double sigma)
    {
        double k = Math.Abs(mu);
        var (mean, variance) = sigma <= 5 || k >= 2 * sigma * sigma + 10 * sigma ? Series(k, sigma) : Integrals(k, sigma);
        return (mu > 0 ? 1 - mean : mean, variance);
    }

    /// <summary>log P(N &gt; y), relative-accurate for every y: erfc up to y = 37, the asymptotic series of Mills' ratio beyond.</summary>
    private static double LogUpperTail(double y)
    {
        if (y <= 37)
        {
            return Math.Log(0.5 * SpecialFunctions.Erfc(y / Math.Sqrt(2)));
        }

        double inv2 = 1 / (y * y);
        return -0.5 * y * y - 0.5 * Math.Log(2 * Math.PI) - Math.Log(y) + Math.Log(1 - inv2 * (1 - inv2 * (3 - inv2 * (15 - inv2 * 105))));
    }

    private static (double Mean, double Variance) Series(double k, double sigma)
    {
        double s2 = sigma * sigma;
        var a = new double[Terms + 1];
        var c = new double[Terms + 1];
        for (int n = 1; n <= Terms; n++)
        {
            a[n] = Math.Exp(-n * k + 0.5 * n * n * s2 + LogUpperTail((n * s2 - k) / sigma));
            c[n] = Math.Exp(LogUpperTail((k - n * s2) / sigma));
        }

        double Alternating(int first)
        {
            double sum = 0;
            for (int n = first; n <= Terms; n++)
            {
                sum += (n % 2 == 1 ? 1 : -1) * a[n];
            }

            return sum;
        }

        double afterFirst = Alternating(2);
        double second = Math.Exp(-2 * k + 2 * s2) * (-Numerics.Expm1(-s2) - c[2]) + Math.Exp(-2 * k + s2) * c[1] * (2 - c[1]);
        double third = -2 * (Math.Exp(-3 * k + 4.5 * s2) * (-Numerics.Expm1(-2 * s2) - c[3]) + Math.Exp(-3 * k + 2.5 * s2) * (c[1] + c[2] - c[1] * c[2]));
        double rest = 0;
        for (int n = 4; n <= Terms; n++)
        {
            rest += (n % 2 == 0 ? 1 : -1) * (n - 1) * a[n];
        }

        double variance = second + third + rest - afterFirst * afterFirst - 2 * a[1] * Alternating(3);
        return (a[1] + afterFirst, Math.Max(variance, 0));
    }

    private static (double Mean, double Variance) Integrals(double k, double sigma)
    {
        double logNorm = -0.5 * Math.Log(2 * Math.PI) - Math.Log(sigma);
        double Integral(int j, double side)
        {
            double panel = Quadrature.Integrate(
                x =>
                {
                    double z = (k + side * x) / sigma;
                    return Math.Exp(-j * Numerics.Log1p(Math.Exp(-x)) - j * x - 0.5 * z * z + logNorm);
                },
                0,
                Reach);
            double tail = Math.Exp(side * j * k + 0.5 * j * j * sigma * sigma + LogUpperTail((Reach + side * k + j * sigma * sigma) / sigma));
            return panel + tail;
        }

        double upper = Math.Exp(LogUpperTail(k / sigma));
        double plus1 = Integral(1, 1);
        double mean = upper - plus1 + Integral(1, -1);
        double second = upper - 2 * plus1 + Integral(2, 1) + Integral(2, -1);
        return (mean, Math.Max(second - mean * mean, 0));
    }
}
