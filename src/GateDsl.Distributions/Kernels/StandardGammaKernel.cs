using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using System.Runtime.Intrinsics;
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
    /// In passes over blocks of 256: the shapes alpha' (alpha, or alpha + 1 with the boost's uniform U
    /// for alpha &lt; 1) and Marsaglia-Tsang's c in lanes; the first try of every element from its
    /// stream's first two words (four at a time with AVX2), tries the squeeze leaves getting their
    /// exact log test with the logs in lanes; the few others (a wedge or the tail of the normal,
    /// t &lt;= 0, a rejected try) replayed from the stream's start by the scalar loop; the boost's
    /// uniform from the word after the accepted try; the logarithms of G' and U, psi(alpha') and the
    /// gradient series at (alpha', G', ln G') in lanes; then ln G = ln G' + ln(U)/alpha and
    /// d ln G/d alpha = d ln G'/d alpha' - ln(U)/alpha^2, with U = 1 (ln U = 0) where alpha &gt;= 1.
    /// G' is never tiny (alpha' &gt;= 1), so keeping it is exact. The stream use is the one-element
    /// sampler's except where ln u lies within an ulp or two of the exact test's bound: that sampler
    /// takes the test's logs with <see cref="Math.Log(double)"/>, this one with the vector logarithm
    /// (probability of order 1e-16 a draw; each element's result still depends on it alone).
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

    [SkipLocalsInit] // every scratch element is written before it is read
    private static void SampleBlock(ReadOnlySpan<double> alpha, Span<double> logDraw, Span<double> dLogDrawDAlpha, ulong seed, ulong counterBase, double relativeTolerance)
    {
        int n = alpha.Length;
        Span<double> shape = stackalloc double[Block];
        Span<double> scale = stackalloc double[Block];
        Span<double> draw = stackalloc double[Block];
        Span<double> boost = stackalloc double[Block];
        Span<double> psi = stackalloc double[Block];
        Span<ulong> bits = stackalloc ulong[3 * Block];
        Span<int> replays = stackalloc int[Block];
        shape = shape[..n];
        scale = scale[..n];
        draw = draw[..n];
        boost = boost[..n];
        psi = psi[..n];
        var normalBits = bits[..n];
        var uniformBits = bits.Slice(Block, n);
        var boostBits = bits.Slice(2 * Block, n);
        CounterStream.FirstBits(seed, counterBase, normalBits, uniformBits, boostBits);
        ShapesAndScales(alpha, shape, scale);
        int replayed = FirstTries(shape, scale, normalBits, uniformBits, draw, replays);
        Boosts(alpha, boostBits, boost);
        Replay(alpha, shape, replays[..replayed], seed, counterBase, draw, boost);
        LaneMath.Log(draw, logDraw);
        LaneMath.Log(boost, boost);
        VectorSpecialFunctions.Digamma(shape, psi);
        GammaShapeDerivative.OfDraw(shape, draw, logDraw, psi, dLogDrawDAlpha, relativeTolerance);
        ApplyBoost(alpha, boost, logDraw, dLogDrawDAlpha);
    }

    /// <summary>
    /// The first try of Marsaglia-Tsang for every element from its stream's first two words: the
    /// ziggurat's rectangle, t = 1 + c x &gt; 0 and the squeeze (about 90% of draws) accept at once;
    /// a try the squeeze leaves gets the exact test ln u &lt; x^2/2 + d (1 - v + ln v) with its logs taken
    /// in lanes afterwards; anything else (a wedge or the tail of the normal, t &lt;= 0, a failed test)
    /// is listed in <paramref name="replays"/> for <see cref="Replay"/>. Writes d v into
    /// <paramref name="draw"/> for every accepted element; returns how many were listed.
    /// </summary>
    [SkipLocalsInit] // every scratch element is written before it is read
    private static unsafe int FirstTries(ReadOnlySpan<double> shape, ReadOnlySpan<double> scale, ReadOnlySpan<ulong> normalBits, ReadOnlySpan<ulong> uniformBits, Span<double> draw, Span<int> replays)
    {
        int n = shape.Length;
        Span<int> pending = stackalloc int[Block];
        Span<double> logU = stackalloc double[Block];
        Span<double> logT = stackalloc double[Block];
        Span<double> halfX2 = stackalloc double[Block];
        Span<double> cubes = stackalloc double[Block];

        int waiting = 0, replayed = 0, i = 0;
        if (Avx2.IsSupported)
        {
            // Four elements at a time, the two table reads by gathers; only the ~10% of tries that are
            // not accepted at once leave the vectors (through their lanes' mask bits). Each operation is
            // the scalar loop's own, in the same order, so the values are the same.
            fixed (double* xTable = NormalZiggurat.LayerX, ratioTable = NormalZiggurat.LayerRatio)
            {
                var one = Vector256.Create(1.0);
                var unit = Vector256.Create(1.0 / 9007199254740992.0);
                var layers = Vector256.Create((ulong)(NormalZiggurat.Layers - 1));
                for (; i + 4 <= n; i += 4)
                {
                    var word = Vector256.Create(normalBits.Slice(i, 4));
                    var signed = (Vector256.Create(2.0) * (Vector256.ConvertToDouble(word >>> 11) * unit)) - one;
                    var layer = (word & layers).AsInt64();
                    var x = signed * Avx2.GatherVector256(xTable, layer, sizeof(double));
                    var t = one + (Vector256.Create(scale.Slice(i, 4)) * x);
                    var tried = Vector256.LessThan(Vector256.Abs(signed), Avx2.GatherVector256(ratioTable, layer, sizeof(double)))
                        & Vector256.GreaterThan(t, Vector256<double>.Zero);
                    var u = Vector256.ConvertToDouble((Vector256.Create(uniformBits.Slice(i, 4)) >>> 11) + Vector256<ulong>.One) * unit;
                    var x2 = x * x;
                    var v = t * t * t;
                    ((Vector256.Create(shape.Slice(i, 4)) - Vector256.Create(1.0 / 3.0)) * v).CopyTo(draw.Slice(i, 4));
                    var squeezed = Vector256.LessThan(u, one - (Vector256.Create(0.0331) * x2 * x2));
                    for (uint bits = ~tried.ExtractMostSignificantBits() & 0xF; bits != 0; bits &= bits - 1)
                    {
                        replays[replayed++] = i + BitOperations.TrailingZeroCount(bits);
                    }

                    for (uint bits = Vector256.AndNot(tried, squeezed).ExtractMostSignificantBits(); bits != 0; bits &= bits - 1)
                    {
                        int lane = BitOperations.TrailingZeroCount(bits);
                        pending[waiting] = i + lane;
                        logU[waiting] = u.GetElement(lane);
                        logT[waiting] = t.GetElement(lane);
                        halfX2[waiting] = 0.5 * x2.GetElement(lane);
                        cubes[waiting] = v.GetElement(lane);
                        waiting++;
                    }
                }
            }
        }

        // Indexing the 128-layer tables by the word's low 7 bits needs no bounds check: the tables are
        // read once here, outside the loop, and the index is below 128 by construction.
        ref double layerX = ref MemoryMarshal.GetReference(NormalZiggurat.LayerX);
        ref double layerRatio = ref MemoryMarshal.GetReference(NormalZiggurat.LayerRatio);
        for (; i < n; i++)
        {
            ulong word = normalBits[i];
            double signed = 2.0 * ((word >> 11) * (1.0 / 9007199254740992.0)) - 1.0;
            int layer = (int)(word & (NormalZiggurat.Layers - 1));
            double x = signed * Unsafe.Add(ref layerX, layer);
            double t = 1.0 + scale[i] * x;
            if (!(Math.Abs(signed) < Unsafe.Add(ref layerRatio, layer)) || !(t > 0))
            {
                replays[replayed++] = i;
                continue;
            }

            double u = CounterStream.OpenZeroUniform(uniformBits[i]);
            double x2 = x * x;
            double v = t * t * t;
            draw[i] = (shape[i] - 1.0 / 3.0) * v;
            if (!(u < 1.0 - 0.0331 * x2 * x2))
            {
                pending[waiting] = i;
                logU[waiting] = u;
                logT[waiting] = t;
                halfX2[waiting] = 0.5 * x2;
                cubes[waiting] = v;
                waiting++;
            }
        }

        if (waiting == 0)
        {
            return replayed;
        }

        // The scalar loop (MarsagliaTsangV) takes these logs with Math.Log: the two can disagree only
        // where ln u lies within an ulp or two of the bound, and an element's result still depends on it alone.
        LaneMath.Log(logU[..waiting], logU[..waiting]);
        LaneMath.Log(logT[..waiting], logT[..waiting]);
        for (int k = 0; k < waiting; k++)
        {
            int element = pending[k];
            double d = shape[element] - 1.0 / 3.0;
            if (!(logU[k] < halfX2[k] + d * (1.0 - cubes[k] + 3.0 * logT[k])))
            {
                replays[replayed++] = element;
            }
        }

        return replayed;
    }

    /// <summary>
    /// The boost's uniform U for every element with alpha &lt; 1 from its stream's third word (what the
    /// stream gives next after a try accepted at once), else 1; in lanes (the same conversion as
    /// <see cref="CounterStream.OpenZeroUniform"/>, exact).
    /// </summary>
    private static void Boosts(ReadOnlySpan<double> alpha, ReadOnlySpan<ulong> boostBits, Span<double> boost)
    {
        int n = alpha.Length, lanes = Vector<double>.Count, i = 0;
        var one = Vector<double>.One;
        var unit = new Vector<double>(1.0 / 9007199254740992.0);
        for (; i + lanes <= n; i += lanes)
        {
            var u = Vector.ConvertToDouble(Vector.ShiftRightLogical(new Vector<ulong>(boostBits.Slice(i, lanes)), 11) + Vector<ulong>.One) * unit;
            Vector.ConditionalSelect(Vector.LessThan(new Vector<double>(alpha.Slice(i, lanes)), one), u, one).CopyTo(boost.Slice(i, lanes));
        }

        for (; i < n; i++)
        {
            boost[i] = alpha[i] < 1.0 ? CounterStream.OpenZeroUniform(boostBits[i]) : 1.0;
        }
    }

    /// <summary>
    /// The listed elements from their streams' start by the scalar loop (the words the first try
    /// read are read again), and the boost's uniform from the words after the accepted try.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Replay(ReadOnlySpan<double> alpha, ReadOnlySpan<double> shape, ReadOnlySpan<int> replays, ulong seed, ulong counterBase, Span<double> draw, Span<double> boost)
    {
        foreach (int i in replays)
        {
            var stream = new CounterStream(seed, counterBase + (ulong)i);
            draw[i] = MarsagliaTsang(shape[i], ref stream);
            boost[i] = alpha[i] < 1.0 ? stream.NextUniformOpenZero() : 1.0;
        }
    }

    /// <summary>
    /// The shape each draw is made with, alpha' = alpha + 1 below 1 (the boost) else alpha, and
    /// Marsaglia-Tsang's c = 1/sqrt(9 (alpha' - 1/3)): square roots and divisions in lanes (each
    /// correctly rounded, so the values are the scalar ones exactly).
    /// </summary>
    private static void ShapesAndScales(ReadOnlySpan<double> alpha, Span<double> shape, Span<double> scale)
    {
        int n = alpha.Length, lanes = Vector<double>.Count, i = 0;
        var one = Vector<double>.One;
        var third = new Vector<double>(1.0 / 3.0);
        var nine = new Vector<double>(9.0);
        for (; i + lanes <= n; i += lanes)
        {
            var a = new Vector<double>(alpha.Slice(i, lanes));
            var a1 = Vector.ConditionalSelect(Vector.LessThan(a, one), a + one, a);
            a1.CopyTo(shape.Slice(i, lanes));
            (one / Vector.SquareRoot(nine * (a1 - third))).CopyTo(scale.Slice(i, lanes));
        }

        for (; i < n; i++)
        {
            double a = alpha[i];
            double a1 = a < 1.0 ? a + 1.0 : a;
            shape[i] = a1;
            scale[i] = 1.0 / Math.Sqrt(9.0 * (a1 - 1.0 / 3.0));
        }
    }

    /// <summary>ln G = ln G' + ln(U)/alpha and d ln G/d alpha -= ln(U)/alpha^2, in lanes (ln U = 0 where alpha &gt;= 1).</summary>
    private static void ApplyBoost(ReadOnlySpan<double> alpha, ReadOnlySpan<double> logU, Span<double> logDraw, Span<double> dLogDrawDAlpha)
    {
        int n = alpha.Length, lanes = Vector<double>.Count, i = 0;
        for (; i + lanes <= n; i += lanes)
        {
            var a = new Vector<double>(alpha.Slice(i, lanes));
            var u = new Vector<double>(logU.Slice(i, lanes));
            (new Vector<double>(dLogDrawDAlpha.Slice(i, lanes)) - (u / (a * a))).CopyTo(dLogDrawDAlpha.Slice(i, lanes));
            (new Vector<double>(logDraw.Slice(i, lanes)) + (u / a)).CopyTo(logDraw.Slice(i, lanes));
        }

        for (; i < n; i++)
        {
            double a = alpha[i];
            dLogDrawDAlpha[i] -= logU[i] / (a * a);
            logDraw[i] += logU[i] / a;
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
