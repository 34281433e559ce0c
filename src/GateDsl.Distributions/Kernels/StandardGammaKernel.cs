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
    /// and d ln G / d alpha into <paramref name="dLogDrawDAlpha"/>; the law and the stream use of
    /// <see cref="SampleLog(double, double, ref CounterStream, out double)"/> element by element, with
    /// the logarithms, psi and the gradient series run in SIMD lanes (so the values agree with the
    /// scalar ones to rounding, and depend on the element alone, not on the span it came in).
    /// <paramref name="digammaAlpha"/> is not used: psi is taken at the shape the draw is made with.
    /// All spans have one length, at most <see cref="MaxBatch"/>.
    /// </summary>
    public static void SampleLog(ReadOnlySpan<double> alpha, ReadOnlySpan<double> digammaAlpha, Span<double> logDraw, Span<double> dLogDrawDAlpha, ulong seed, ulong counterBase, double relativeTolerance = 1e-16)
    {
        if (digammaAlpha.Length != alpha.Length)
        {
            throw new ArgumentException($"SampleLog: spans must have one length of at most {MaxBatch}; got {alpha.Length}, {digammaAlpha.Length}, {logDraw.Length}, {dLogDrawDAlpha.Length}.");
        }

        SampleLog(alpha, logDraw, dLogDrawDAlpha, seed, counterBase, relativeTolerance);
    }

    /// <summary>
    /// Many draws, as <see cref="SampleLog(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, Span{double}, ulong, ulong, double)"/>:
    /// ln G of Gamma(alpha[i], 1) from the stream (seed, counterBase + i) and d ln G / d alpha.
    /// Range: alpha &gt; 0 and finite (not checked). All spans have one length, at most <see cref="MaxBatch"/>.
    /// </summary>
    /// <remarks>
    /// In four passes: the draws proper (Marsaglia-Tsang at alpha' = alpha, or alpha + 1 with the boost's
    /// uniform U for alpha &lt; 1), element by element, keeping the draw G' and U themselves; their
    /// logarithms and psi(alpha') in SIMD lanes; the gradient series at (alpha', ln G') in lanes; then
    /// ln G = ln G' + ln(U)/alpha and d ln G/d alpha = d ln G'/d alpha' - ln(U)/alpha^2, with U = 1
    /// (ln U = 0) where alpha &gt;= 1. G' is never tiny (alpha' &gt;= 1), so keeping it is exact.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SampleLog(ReadOnlySpan<double> alpha, Span<double> logDraw, Span<double> dLogDrawDAlpha, ulong seed, ulong counterBase, double relativeTolerance = 1e-16)
    {
        int n = alpha.Length;
        if (n > MaxBatch || logDraw.Length != n || dLogDrawDAlpha.Length != n)
        {
            throw new ArgumentException($"SampleLog: spans must have one length of at most {MaxBatch}; got {n}, {logDraw.Length}, {dLogDrawDAlpha.Length}.");
        }

        for (int start = 0; start < n; start += Block)
        {
            int m = Math.Min(Block, n - start);
            SampleBlock(alpha.Slice(start, m), logDraw.Slice(start, m), dLogDrawDAlpha.Slice(start, m), seed, counterBase + (ulong)start, relativeTolerance);
        }
    }

    /// <summary>Elements per pass of the span overloads: their scratch (a few KB) stays in the L1 cache.</summary>
    private const int Block = 256;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SampleBlock(ReadOnlySpan<double> alpha, Span<double> logDraw, Span<double> dLogDrawDAlpha, ulong seed, ulong counterBase, double relativeTolerance)
    {
        int n = alpha.Length;
        Span<double> shape = stackalloc double[Block];
        Span<double> boost = stackalloc double[Block];
        Span<double> psi = stackalloc double[Block];
        Span<ulong> bits = stackalloc ulong[3 * Block];
        shape = shape[..n];
        boost = boost[..n];
        psi = psi[..n];
        var normalBits = bits[..n];
        var uniformBits = bits.Slice(Block, n);
        var boostBits = bits.Slice(2 * Block, n);
        CounterStream.FirstBits(seed, counterBase, normalBits, uniformBits, boostBits);
        for (int i = 0; i < n; i++)
        {
            double a = alpha[i];
            bool boosted = a < 1.0;
            double a1 = boosted ? a + 1.0 : a;
            shape[i] = a1;

            // The common case from the stream's first three words (ziggurat rectangle, t > 0, squeeze
            // accepted: about 97% of draws); anything else replays the element's stream from its start.
            double d = a1 - 1.0 / 3.0;
            double c = 1.0 / Math.Sqrt(9.0 * d);
            if (NormalZiggurat.TryRectangle(normalBits[i], out double x))
            {
                double t = 1.0 + c * x;
                double u = CounterStream.OpenZeroUniform(uniformBits[i]);
                double x2 = x * x;
                if (t > 0 && u < 1.0 - 0.0331 * x2 * x2)
                {
                    logDraw[i] = d * (t * t * t);
                    boost[i] = boosted ? CounterStream.OpenZeroUniform(boostBits[i]) : 1.0;
                    continue;
                }
            }

            var stream = new CounterStream(seed, counterBase + (ulong)i);
            logDraw[i] = MarsagliaTsang(a1, ref stream);
            boost[i] = boosted ? stream.NextUniformOpenZero() : 1.0;
        }

        LaneMath.Log(logDraw, logDraw);
        LaneMath.Log(boost, boost);
        VectorSpecialFunctions.Digamma(shape, psi);
        GammaShapeDerivative.OfLogDraw(shape, logDraw, psi, dLogDrawDAlpha, relativeTolerance);
        for (int i = 0; i < n; i++)
        {
            double a = alpha[i];
            double logU = boost[i];
            dLogDrawDAlpha[i] -= logU / (a * a);
            logDraw[i] += logU / a;
        }
    }

    /// <summary>Largest batch of the span overloads (their scratch lives on the stack).</summary>
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

    /// <summary>A Marsaglia-Tsang draw for alpha &gt;= 1, d v (no log on the squeeze path; the caller takes the logs of many draws at once).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double MarsagliaTsang(double alpha, ref CounterStream stream)
    {
        double d = alpha - 1.0 / 3.0;
        return d * MarsagliaTsangV(d, ref stream, out _, out _);
    }

    /// <summary>ln of a Marsaglia-Tsang draw for alpha &gt;= 1: ln(d v), one log on the squeeze path.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double MarsagliaTsangLog(double alpha, ref CounterStream stream)
    {
        double d = alpha - 1.0 / 3.0;
        double v = MarsagliaTsangV(d, ref stream, out bool squeezed, out double logV);
        return squeezed ? Math.Log(d * v) : Math.Log(d) + logV;
    }

    /// <summary>
    /// The accepted v = (1 + c x)^3 of Marsaglia and Tsang (2000), c = 1/sqrt(9 d): the one loop both
    /// draws above use, so they consume a stream alike. <paramref name="squeezed"/> says whether the
    /// squeeze accepted (then <paramref name="logV"/> is not computed), else ln v = 3 ln(1 + c x).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double MarsagliaTsangV(double d, ref CounterStream stream, out bool squeezed, out double logV)
    {
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
                squeezed = true;
                logV = double.NaN;
                return v;
            }

            logV = 3.0 * Math.Log(t);
            if (Math.Log(u) < 0.5 * x2 + d * (1.0 - v + logV))
            {
                squeezed = false;
                return v;
            }
        }
    }
}
