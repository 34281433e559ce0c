using System.Runtime.CompilerServices;
using System.Numerics;

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
    /// already (a KL term needs it too), and the relative tolerance of the sum (1e-16 by default;
    /// float32 results need no more than about 1e-10).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double OfLogDraw(double alpha, double logX, double digammaAlpha, double relativeTolerance = 1e-16)
    {
        double x = Math.Exp(logX);
        double psi = digammaAlpha + 1.0 / alpha; // psi(alpha + 1)
        double q = 1.0 / alpha;
        double sum = q * (psi - logX);
        double y = alpha;
        for (int n = 1; n < MaxTerms; n += 2)
        {
            // Two terms per pass; one division each (1/y serves q and psi).
            y += 1.0;
            double inv = 1.0 / y;
            q *= x * inv;
            psi += inv; // psi(alpha + n + 1)
            double term = q * (psi - logX);
            y += 1.0;
            inv = 1.0 / y;
            q *= x * inv;
            psi += inv;
            term += q * (psi - logX);
            sum += term;
            // Past the peak (x < y + 1) the remainder is below q (psi - ln x) x / (y + 1 - x), up to
            // the slow growth of psi; stop when that is under the tolerance of the sum.
            double next = y + 1.0;
            if (x < next && term >= 0 && q * (psi - logX) * x <= relativeTolerance * (next - x) * Math.Abs(sum))
            {
                break;
            }
        }

        return sum;
    }

    /// <summary>
    /// <see cref="OfLogDraw(double, double, double, double)"/> for many elements at once, the series
    /// run in SIMD lanes (<see cref="Vector{T}"/> of double: 4 lanes with AVX2) until every lane has
    /// converged; the same terms and stopping rule per lane as the scalar version. All spans have one length.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void OfLogDraw(ReadOnlySpan<double> alpha, ReadOnlySpan<double> logX, ReadOnlySpan<double> digammaAlpha, Span<double> result, double relativeTolerance = 1e-16)
    {
        int n = alpha.Length;
        if (logX.Length != n || digammaAlpha.Length != n || result.Length != n)
        {
            throw new ArgumentException($"OfLogDraw: alpha, logX, digammaAlpha and result must have one length; got {n}, {logX.Length}, {digammaAlpha.Length}, {result.Length}.");
        }

        int lanes = Vector<double>.Count;
        int i = 0;
        if (Vector.IsHardwareAccelerated && lanes > 1)
        {
            Span<double> xs = stackalloc double[lanes];
            for (; i + lanes <= n; i += lanes)
            {
                for (int l = 0; l < lanes; l++)
                {
                    xs[l] = Math.Exp(logX[i + l]);
                }

                var x = new Vector<double>(xs);
                var a = new Vector<double>(alpha.Slice(i, lanes));
                var lx = new Vector<double>(logX.Slice(i, lanes));
                var one = Vector<double>.One;
                var q = one / a;
                var psi = new Vector<double>(digammaAlpha.Slice(i, lanes)) + q;
                var sum = q * (psi - lx);
                var y = a;
                var active = Vector<long>.AllBitsSet;
                var tol = new Vector<double>(relativeTolerance);
                for (int k = 1; k < MaxTerms; k += 2)
                {
                    y += one;
                    var inv = one / y;
                    q *= x * inv;
                    psi += inv;
                    var term = q * (psi - lx);
                    y += one;
                    inv = one / y;
                    q *= x * inv;
                    psi += inv;
                    var last = q * (psi - lx);
                    term += last;
                    sum += Vector.ConditionalSelect(active, term, Vector<double>.Zero);
                    var next = y + one;
                    var done = Vector.LessThan(x, next)
                        & Vector.GreaterThanOrEqual(term, Vector<double>.Zero)
                        & Vector.LessThanOrEqual(last * x, tol * (next - x) * Vector.Abs(sum));
                    active = Vector.AndNot(active, done);
                    if (active == Vector<long>.Zero)
                    {
                        break;
                    }
                }

                sum.CopyTo(result.Slice(i, lanes));
            }
        }

        for (; i < n; i++)
        {
            result[i] = OfLogDraw(alpha[i], logX[i], digammaAlpha[i], relativeTolerance);
        }
    }

    /// <summary>dx/dalpha for a draw x &gt; 0 of Gamma(alpha, 1). Range: alpha &gt; 0, x &gt; 0 finite.</summary>
    public static double OfDraw(double alpha, double x) => x * OfLogDraw(alpha, Math.Log(x));
}
