using System.Runtime.CompilerServices;
namespace GateDsl.Distributions.Kernels;

/// <summary>
/// Draws of Gamma(alpha, 1) with the exact law and their implicit gradient, one element at a time
/// from a <see cref="CounterStream"/>, so results do not depend on how elements are split over threads.
/// </summary>
/// <remarks>
/// Law: Marsaglia &amp; Tsang, "A simple method for generating gamma variables", ACM TOMS 26(3), 2000,
/// for alpha &gt;= 1 (d = alpha - 1/3, c = 1/sqrt(9d), squeeze 1 - 0.0331 x^4, exact log test).
/// For alpha &lt; 1 the boost G(alpha) = G(alpha+1) U^(1/alpha) (same paper, section 6), taken in log
/// space as src/GateDsl.Distributions/Sampling.cs does: ln G = ln G(alpha+1) + ln(U)/alpha with U
/// in (0, 1], so draws that underflow any float keep a finite log.
/// Gradient: for alpha &gt;= 1 the implicit one (<see cref="GammaShapeDerivative"/>); for the boost,
/// the pathwise derivative of that construction, d ln G/d alpha = d ln G(alpha+1)/d(alpha+1) - ln(U)/alpha^2,
/// the same reparameterization libtorch's <c>_standard_gamma</c> + boost gives in the toolkit.
/// </remarks>
public static class StandardGammaKernel
{
    /// <summary>
    /// One draw: returns ln G and sets <paramref name="dLogDrawDAlpha"/> to d ln G / d alpha.
    /// Range: alpha &gt; 0 and finite (not checked here: callers validate tensors once).
    /// </summary>
    public static double SampleLog(double alpha, ref CounterStream stream, out double dLogDrawDAlpha)
        => SampleLog(alpha, ScalarSpecialFunctions.Digamma(alpha), ref stream, out dLogDrawDAlpha);

    /// <summary>As <see cref="SampleLog(double, ref CounterStream, out double)"/> with psi(alpha) supplied.</summary>
    public static double SampleLog(double alpha, double digammaAlpha, ref CounterStream stream, out double dLogDrawDAlpha)
    {
        if (alpha >= 1.0)
        {
            double logG = MarsagliaTsangLog(alpha, ref stream);
            dLogDrawDAlpha = GammaShapeDerivative.OfLogDraw(alpha, logG, digammaAlpha);
            return logG;
        }

        double boostedShape = alpha + 1.0;
        double logBoosted = MarsagliaTsangLog(boostedShape, ref stream);
        double logU = Math.Log(stream.NextUniformOpenZero());
        // psi(alpha + 1) = psi(alpha) + 1/alpha.
        dLogDrawDAlpha = GammaShapeDerivative.OfLogDraw(boostedShape, logBoosted, digammaAlpha + 1.0 / alpha) - logU / (alpha * alpha);
        return logBoosted + logU / alpha;
    }

    /// <summary>
    /// Many draws: element i from the stream (seed, counterBase + i), ln G into <paramref name="logDraw"/>
    /// and d ln G / d alpha into <paramref name="dLogDrawDAlpha"/>; the same values as
    /// <see cref="SampleLog(double, double, ref CounterStream, out double)"/> element by element, with
    /// the gradient series run in SIMD lanes. <paramref name="digammaAlpha"/> holds psi(alpha).
    /// All spans have one length, at most <see cref="MaxBatch"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SampleLog(ReadOnlySpan<double> alpha, ReadOnlySpan<double> digammaAlpha, Span<double> logDraw, Span<double> dLogDrawDAlpha, ulong seed, ulong counterBase, double relativeTolerance = 1e-16)
    {
        int n = alpha.Length;
        if (n > MaxBatch || digammaAlpha.Length != n || logDraw.Length != n || dLogDrawDAlpha.Length != n)
        {
            throw new ArgumentException($"SampleLog: spans must have one length of at most {MaxBatch}; got {n}, {digammaAlpha.Length}, {logDraw.Length}, {dLogDrawDAlpha.Length}.");
        }

        Span<double> shape = stackalloc double[n];
        Span<double> psiShape = stackalloc double[n];
        Span<double> logBoost = stackalloc double[n];
        for (int i = 0; i < n; i++)
        {
            var stream = new CounterStream(seed, counterBase + (ulong)i);
            double a = alpha[i];
            if (a >= 1.0)
            {
                shape[i] = a;
                psiShape[i] = digammaAlpha[i];
                logDraw[i] = MarsagliaTsangLog(a, ref stream);
                logBoost[i] = 0;
            }
            else
            {
                shape[i] = a + 1.0;
                psiShape[i] = digammaAlpha[i] + 1.0 / a;
                logDraw[i] = MarsagliaTsangLog(a + 1.0, ref stream);
                logBoost[i] = Math.Log(stream.NextUniformOpenZero());
            }
        }

        GammaShapeDerivative.OfLogDraw(shape, logDraw, psiShape, dLogDrawDAlpha, relativeTolerance);
        for (int i = 0; i < n; i++)
        {
            double a = alpha[i];
            if (a < 1.0)
            {
                dLogDrawDAlpha[i] -= logBoost[i] / (a * a);
                logDraw[i] += logBoost[i] / a;
            }
        }
    }

    /// <summary>Largest batch of the span overload (its scratch lives on the stack).</summary>
    public const int MaxBatch = 2048;

    /// <summary>One draw of ln G without its gradient (inference, or law tests).</summary>
    public static double SampleLog(double alpha, ref CounterStream stream)
    {
        if (alpha >= 1.0)
        {
            return MarsagliaTsangLog(alpha, ref stream);
        }

        double logBoosted = MarsagliaTsangLog(alpha + 1.0, ref stream);
        return logBoosted + Math.Log(stream.NextUniformOpenZero()) / alpha;
    }

    /// <summary>ln of a Marsaglia-Tsang draw for alpha &gt;= 1: ln(d v) with v = (1 + c x)^3 (one log on the squeeze path).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double MarsagliaTsangLog(double alpha, ref CounterStream stream)
    {
        double d = alpha - 1.0 / 3.0;
        double c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            double x = stream.NextNormal();
            double t = 1.0 + c * x;
            if (t <= 0)
            {
                continue;
            }

            double v = t * t * t;
            double u = stream.NextUniformOpenZero();
            double x2 = x * x;
            if (u < 1.0 - 0.0331 * x2 * x2)
            {
                return Math.Log(d * v);
            }

            double logV = 3.0 * Math.Log(t);
            if (Math.Log(u) < 0.5 * x2 + d * (1.0 - v + logV))
            {
                return Math.Log(d) + logV;
            }
        }
    }
}
