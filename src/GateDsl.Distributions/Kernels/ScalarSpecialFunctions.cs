namespace GateDsl.Distributions.Kernels;

/// <summary>
/// Digamma, trigamma and log-gamma of one positive double, for the per-element kernels (libtorch's
/// tensor versions cannot be called per element). Each shifts the argument up to 10 with the
/// recurrence and then uses the asymptotic (Stirling) series, whose first omitted term at 10 is
/// below 1e-16 relative (Abramowitz &amp; Stegun 6.1.41, 6.3.18, 6.4.12).
/// </summary>
public static class ScalarSpecialFunctions
{
    /// <summary>psi(x) = d/dx ln Gamma(x). Range: x &gt; 0.</summary>
    public static double Digamma(double x)
    {
        double result = 0;
        while (x < 10.0)
        {
            result -= 1.0 / x;
            x += 1.0;
        }

        double inv2 = 1.0 / (x * x);
        // B_2k / (2k x^2k) for k = 1..6.
        double series = inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 * (1.0 / 240 - inv2 * (1.0 / 132 - inv2 * (691.0 / 32760))))));
        return result + Math.Log(x) - 0.5 / x - series;
    }

    /// <summary>psi'(x) = d^2/dx^2 ln Gamma(x). Range: x &gt; 0.</summary>
    public static double Trigamma(double x)
    {
        double result = 0;
        while (x < 10.0)
        {
            result += 1.0 / (x * x);
            x += 1.0;
        }

        double inv = 1.0 / x;
        double inv2 = inv * inv;
        // 1/x + 1/(2x^2) + sum B_2k / x^(2k+1).
        double series = inv + 0.5 * inv2 + inv * inv2 * (1.0 / 6 - inv2 * (1.0 / 30 - inv2 * (1.0 / 42 - inv2 * (1.0 / 30 - inv2 * (5.0 / 66 - inv2 * (691.0 / 2730))))));
        return result + series;
    }

    /// <summary>ln Gamma(x). Range: x &gt; 0.</summary>
    public static double LogGamma(double x)
    {
        double shift = 0;
        if (x < 10.0)
        {
            // ln Gamma(x) = ln Gamma(x + n) - ln(x (x+1) ... (x+n-1)); the product stays far from overflow.
            double product = 1.0;
            while (x < 10.0)
            {
                product *= x;
                x += 1.0;
            }

            shift = -Math.Log(product);
        }

        double inv = 1.0 / x;
        double inv2 = inv * inv;
        double series = inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 * (1.0 / 1260 - inv2 * (1.0 / 1680 - inv2 * (1.0 / 1188)))));
        return shift + (x - 0.5) * Math.Log(x) - x + 0.91893853320467274178 + series;
    }

    /// <summary>
    /// psi(x), psi'(x) and ln Gamma(x) together, sharing one recurrence loop (one division per shift):
    /// what a Gamma KL term and its gradient need per element. Range: x &gt; 0.
    /// </summary>
    public static void DigammaTrigammaLogGamma(double x, out double digamma, out double trigamma, out double logGamma)
    {
        double psi = 0, tri = 0, product = 1.0;
        while (x < 10.0)
        {
            double inv0 = 1.0 / x;
            psi -= inv0;
            tri += inv0 * inv0;
            product *= x;
            x += 1.0;
        }

        double inv = 1.0 / x;
        double inv2 = inv * inv;
        double logX = Math.Log(x);
        digamma = psi + logX - 0.5 * inv - inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 * (1.0 / 240 - inv2 * (1.0 / 132 - inv2 * (691.0 / 32760))))));
        trigamma = tri + inv + 0.5 * inv2 + inv * inv2 * (1.0 / 6 - inv2 * (1.0 / 30 - inv2 * (1.0 / 42 - inv2 * (1.0 / 30 - inv2 * (5.0 / 66 - inv2 * (691.0 / 2730))))));
        logGamma = -Math.Log(product) + (x - 0.5) * logX - x + 0.91893853320467274178
            + inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 * (1.0 / 1260 - inv2 * (1.0 / 1680 - inv2 * (1.0 / 1188)))));
    }
}
