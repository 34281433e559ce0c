namespace GateDsl.Distributions.Kernels;

/// <summary>
/// The implicit reparameterization gradient of a unit-rate Gamma draw (Figurnov, Mohamed &amp; Mnih,
/// "Implicit Reparameterization Gradients", NeurIPS 2018): dx/dalpha = -(dF/dalpha)(x; alpha) / f(x; alpha)
/// with F the regularized lower incomplete gamma function P(alpha, x) and f the density.
/// </summary>
/// <remarks>
/// Formula (derived here, not an approximation): P(a, x) = e^-x sum_n x^(a+n) / Gamma(a+n+1), so
/// dP/da = e^-x sum_n x^(a+n) / Gamma(a+n+1) (ln x - psi(a+n+1)), and dividing by
/// f = x^(a-1) e^-x / Gamma(a) gives
/// <code>d ln x / d a = sum_{n&gt;=0} q_n (psi(a+n+1) - ln x),  q_0 = 1/a,  q_n = q_{n-1} x / (a+n).</code>
/// psi(a+n+1) follows from psi(a) by the recurrence psi(y+1) = psi(y) + 1/y, so a term costs a
/// division and a few multiply-adds. Once a+n+1 &gt; x the terms are positive and fall at least
/// geometrically with ratio r = x/(a+n+1), so the remainder is below term r/(1-r); the sum stops when
/// that bound is under 1e-16 of the sum. Where the terms first grow (x well above a) they alternate in
/// sign, and the cancellation costs about ln(max term / sum) of the 16 digits: about e^(k^2/2) for a
/// draw k standard deviations above the mean, negligible for the draws that occur (k below 8).
/// libtorch's <c>_standard_gamma_grad</c> uses this series with 6 terms for x &lt; 0.8 only and
/// fitted approximations elsewhere (a rational fit for alpha &lt;= 8, Rice's saddle point above);
/// this sum is exact to rounding wherever it converges, at the cost of more terms for large shapes
/// (about x - a + 9 sqrt(a) terms; 900 at a = 1e4).
/// Working with ln x keeps tiny shapes usable: at alpha = 1e-3 most draws are below the smallest
/// double, but ln x is finite and q_n x^-1 never needs x itself.
/// </remarks>
public static class GammaShapeDerivative
{
    private const int MaxTerms = 100_000;

    /// <summary>
    /// d ln x / d alpha for a draw x of Gamma(alpha, 1) given as ln x. Range: alpha &gt; 0, ln x finite.
    /// Multiply by x for dx/dalpha.
    /// </summary>
    public static double OfLogDraw(double alpha, double logX) => OfLogDraw(alpha, logX, ScalarSpecialFunctions.Digamma(alpha));

    /// <summary>
    /// As <see cref="OfLogDraw(double, double)"/> with psi(alpha) supplied by a caller that has it
    /// already (a KL term needs it too).
    /// </summary>
    public static double OfLogDraw(double alpha, double logX, double digammaAlpha)
    {
        double x = Math.Exp(logX);
        double psi = digammaAlpha + 1.0 / alpha; // psi(alpha + 1)
        double q = 1.0 / alpha;
        double sum = q * (psi - logX);
        for (int n = 1; n < MaxTerms; n++)
        {
            double y = alpha + n;
            q *= x / y;
            psi += 1.0 / y; // psi(alpha + n + 1)
            double term = q * (psi - logX);
            sum += term;
            // Past the peak (x < y + 1) the remainder is below term * x / (y + 1 - x).
            double next = y + 1.0;
            if (x < next && term >= 0 && term * x <= 1e-16 * (next - x) * Math.Abs(sum))
            {
                break;
            }
        }

        return sum;
    }

    /// <summary>dx/dalpha for a draw x &gt; 0 of Gamma(alpha, 1). Range: alpha &gt; 0, x &gt; 0 finite.</summary>
    public static double OfDraw(double alpha, double x) => x * OfLogDraw(alpha, Math.Log(x));
}
