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
    public static double OfLogDraw(double alpha, double logX, double digammaAlpha, double relativeTolerance = 1e-16) =>
        // One element through the vector series in lane 0 (the other lanes padded as the span version
        // pads its tail: alpha = 1, x = 1), so a scalar call gives exactly what a span call gives.
        OfLogDraw(
            Vector<double>.One.WithElement(0, alpha),
            Vector<double>.Zero.WithElement(0, logX),
            new Vector<double>(-0.57721566490153286).WithElement(0, digammaAlpha),
            relativeTolerance)[0];

    /// <summary>
    /// <see cref="OfLogDraw(double, double, double, double)"/> for many elements at once, the series
    /// run in SIMD lanes (<see cref="Vector{T}"/> of double: 4 lanes with AVX2) until every lane has
    /// converged; the same terms, operations and stopping rule per lane as the scalar version (x = e^ln x
    /// by the vector exponential, within 2 ulp of the scalar one). Every element, the last ones too,
    /// goes through the vector code, so its value does not depend on its position. All spans have one length.
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
        for (; i + lanes <= n; i += lanes)
        {
            OfLogDraw(new Vector<double>(alpha.Slice(i, lanes)), new Vector<double>(logX.Slice(i, lanes)), new Vector<double>(digammaAlpha.Slice(i, lanes)), relativeTolerance)
                .CopyTo(result.Slice(i, lanes));
        }

        if (i < n)
        {
            // The last elements through the same vector code (padded with alpha = 1, x = 1), so an
            // element's value does not depend on where its span ends.
            int m = n - i;
            Span<double> a = stackalloc double[lanes];
            Span<double> l = stackalloc double[lanes];
            Span<double> psi = stackalloc double[lanes];
            a.Fill(1.0);
            l.Clear();
            psi.Fill(-0.57721566490153286);
            alpha[i..].CopyTo(a);
            logX[i..].CopyTo(l);
            digammaAlpha[i..].CopyTo(psi);
            OfLogDraw(new Vector<double>(a), new Vector<double>(l), new Vector<double>(psi), relativeTolerance).CopyTo(a);
            a[..m].CopyTo(result[i..]);
        }
    }

    /// <summary>
    /// As <see cref="OfLogDraw(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, double)"/>
    /// for draws that are known both as x and as ln x (a sampler has both, and x then needs no
    /// exponential): x must be e^(ln x) to rounding, a normal positive double. All spans have one length.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void OfDraw(ReadOnlySpan<double> alpha, ReadOnlySpan<double> x, ReadOnlySpan<double> logX, ReadOnlySpan<double> digammaAlpha, Span<double> result, double relativeTolerance)
    {
        int n = alpha.Length;
        if (x.Length != n || logX.Length != n || digammaAlpha.Length != n || result.Length != n)
        {
            throw new ArgumentException($"OfDraw: alpha, x, logX, digammaAlpha and result must have one length; got {n}, {x.Length}, {logX.Length}, {digammaAlpha.Length}, {result.Length}.");
        }

        if (Vector512Lanes.IsPreferred)
        {
            OfDraw<Vector512Lanes>(alpha, x, logX, digammaAlpha, result, relativeTolerance);
        }
        else
        {
            OfDraw<VectorLanes>(alpha, x, logX, digammaAlpha, result, relativeTolerance);
        }
    }

    /// <summary>As <see cref="OfDraw(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, double)"/> at the vector width of <typeparamref name="TLanes"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void OfDraw<TLanes>(ReadOnlySpan<double> alpha, ReadOnlySpan<double> x, ReadOnlySpan<double> logX, ReadOnlySpan<double> digammaAlpha, Span<double> result, double relativeTolerance)
        where TLanes : struct, ILanes<TLanes>
    {
        int n = alpha.Length, lanes = TLanes.Count, i = 0;
        for (; i + lanes <= n; i += lanes)
        {
            Series(TLanes.Load(alpha[i..]), TLanes.Load(x[i..]), TLanes.Load(logX[i..]), TLanes.Load(digammaAlpha[i..]), relativeTolerance).Store(result[i..]);
        }

        if (i < n)
        {
            // Padded as the other span overload pads (alpha = 1, x = 1): a value never depends on its position.
            int m = n - i;
            Span<double> a = stackalloc double[lanes];
            Span<double> e = stackalloc double[lanes];
            Span<double> l = stackalloc double[lanes];
            Span<double> psi = stackalloc double[lanes];
            a.Fill(1.0);
            e.Fill(1.0);
            l.Clear();
            psi.Fill(-0.57721566490153286);
            alpha[i..].CopyTo(a);
            x[i..].CopyTo(e);
            logX[i..].CopyTo(l);
            digammaAlpha[i..].CopyTo(psi);
            Series(TLanes.Load(a), TLanes.Load(e), TLanes.Load(l), TLanes.Load(psi), relativeTolerance).Store(a);
            a[..m].CopyTo(result[i..]);
        }
    }

    /// <summary>The series of one vector of lanes (see the scalar version for the terms and the stopping rule).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static Vector<double> OfLogDraw(Vector<double> a, Vector<double> lx, Vector<double> psiA, double relativeTolerance) =>
        Series(new VectorLanes(a), new VectorLanes(Vector.Exp(lx)), new VectorLanes(lx), new VectorLanes(psiA), relativeTolerance).Value;

    /// <summary>The series of one vector of lanes given x and ln x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TLanes Series<TLanes>(TLanes a, TLanes x, TLanes lx, TLanes psiA, double relativeTolerance)
        where TLanes : struct, ILanes<TLanes>
    {
        var one = TLanes.Create(1.0);
        var two = TLanes.Create(2.0);
        var three = TLanes.Create(3.0);
        var four = TLanes.Create(4.0);
        var zero = TLanes.Create(0.0);
        var q = one / a;
        var p = psiA + q - lx;
        var sum = q * p;
        var y = a;
        var active = TLanes.Create(BitConverter.Int64BitsToDouble(-1));
        var tol = TLanes.Create(relativeTolerance);
        for (int k = 1; k < MaxTerms; k += 4)
        {
            var y1 = y + one;
            var y2 = y + two;
            var y3 = y + three;
            var y4 = y + four;
            var low = y1 * y2;
            var high = y3 * y4;
            var r = one / (low * high);
            var rh = high * r;
            var rl = low * r;
            var inv1 = y2 * rh;
            var inv2 = y1 * rh;
            var inv3 = y4 * rl;
            var inv4 = y3 * rl;
            q *= x * inv1;
            p += inv1;
            var term = q * p;
            q *= x * inv2;
            p += inv2;
            term += q * p;
            q *= x * inv3;
            p += inv3;
            term += q * p;
            q *= x * inv4;
            p += inv4;
            var last = q * p;
            term += last;
            sum += TLanes.Select(active, term, zero);
            y = y4;
            var next = y + one;
            var done = TLanes.LessThan(x, next)
                & TLanes.GreaterThanOrEqual(term, zero)
                & TLanes.LessThanOrEqual(last * x, tol * (next - x) * TLanes.Abs(sum));
            active = TLanes.AndNot(active, done);
            if (TLanes.None(active))
            {
                break;
            }
        }

        return sum;
    }

    /// <summary>dx/dalpha for a draw x &gt; 0 of Gamma(alpha, 1). Range: alpha &gt; 0, x &gt; 0 finite.</summary>
    public static double OfDraw(double alpha, double x) => x * OfLogDraw(alpha, Math.Log(x));
}
