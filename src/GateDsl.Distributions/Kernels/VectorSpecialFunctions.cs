using System.Numerics;
using System.Runtime.CompilerServices;

namespace GateDsl.Distributions.Kernels;

/// <summary>
/// <see cref="ScalarSpecialFunctions"/> over spans in SIMD lanes (the widest the runtime accelerates,
/// <see cref="ILanes{TSelf}"/>): on [1, 2] (and (0, 2] by one recurrence step) Pade approximants,
/// elsewhere the same recurrence up to 10 (a masked shift of every lane) and the same asymptotic
/// series, so lane and scalar results agree to a few ulp. Every function is lane by lane: an
/// element's value depends on its own x only, not on its neighbours, its position or the width.
/// </summary>
public static class VectorSpecialFunctions
{
    private const int Shifts = 10;

    /// <summary>
    /// psi(x) elementwise. Range: x &gt; 0. Spans have one length. Every element, the last ones
    /// too, goes through the vector code, so an element's value does not depend on its position.
    /// </summary>
    /// <remarks>
    /// The shift up to 10 is taken as one quotient instead of one division per step:
    /// sum_{k&lt;n} 1/(x+k) = P'(x)/P(x) with P(x) = x (x+1) ... (x+n-1), where P and P' follow
    /// P_{k+1} = P_k (x+k) and P'_{k+1} = P'_k (x+k) + P_k (at most 10 factors below 20: no overflow
    /// for any x &gt; 0 above 1e-290). Each is a product or sum of positive terms, so the quotient
    /// carries a few ulp, as the step-by-step sum does.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Digamma(ReadOnlySpan<double> x, Span<double> digamma)
    {
        CheckLengths(x.Length, digamma.Length, digamma.Length, digamma.Length);
        LaneMath.Map<DigammaFunction>(x, digamma);
    }

    /// <summary>
    /// psi of one vector (see <see cref="Digamma(ReadOnlySpan{double}, Span{double})"/>): on [1, 2]
    /// (every boosted Gamma shape alpha + 1 of a sampler) by a rational approximation, elsewhere by the
    /// shift and the asymptotic series. The choice is made lane by lane, so a lane's value depends on its
    /// own x only; where every lane lies on one side only that side's code runs.
    /// </summary>
    internal static TLanes Digamma<TLanes>(TLanes x)
        where TLanes : struct, ILanes<TLanes>
    {
        var onUnit = TLanes.GreaterThanOrEqual(x, TLanes.Create(1.0)) & TLanes.LessThanOrEqual(x, TLanes.Create(2.0));
        if (TLanes.All(onUnit))
        {
            return DigammaOneToTwo(x);
        }

        var general = DigammaShifted(x);
        return TLanes.None(onUnit) ? general : TLanes.Select(onUnit, DigammaOneToTwo(x), general);
    }

    /// <summary>
    /// psi(x) for x in [1, 2]: the [7/7] Pade approximant of psi(1.5 + t) at t = x - 1.5 (exact in
    /// double there), coefficients from its Taylor series at 50 digits; largest absolute error in
    /// double about 3e-16 over [1, 2] (docs/mpmath/digamma_pade.py prints both). 14 multiply-adds and a
    /// division, where the shift to 10 costs ten masked passes, a logarithm and two divisions.
    /// </summary>
    private static TLanes DigammaOneToTwo<TLanes>(TLanes x)
        where TLanes : struct, ILanes<TLanes>
    {
        var t = x - TLanes.Create(1.5);
        var p = Horner(t, DigammaP);
        var q = Horner(t, DigammaQ);
        return p / q;
    }

    /// <summary>psi by the shift up to 10 and the asymptotic series (any x &gt; 0).</summary>
    private static TLanes DigammaShifted<TLanes>(TLanes x)
        where TLanes : struct, ILanes<TLanes>
    {
        var ten = TLanes.Create(10.0);
        var one = TLanes.Create(1.0);
        var zero = TLanes.Create(0.0);
        var v = x;
        var p = one;
        var dp = zero;
        for (int k = 0; k < Shifts; k++)
        {
            var below = TLanes.LessThan(v, ten);
            if (TLanes.None(below))
            {
                break;
            }

            dp = TLanes.Select(below, (dp * v) + p, dp);
            p = TLanes.Select(below, p * v, p);
            v += TLanes.Select(below, one, zero);
        }

        var inv = one / v;
        var inv2 = inv * inv;
        return TLanes.Log(v) - (TLanes.Create(0.5) * inv) - (inv2 * DigammaSeries(inv2)) - (dp / p);
    }

    /// <summary>
    /// psi(x), psi'(x) and ln Gamma(x) elementwise. Range: x &gt; 0. Spans have one length. Every
    /// element, the last ones too, goes through the vector code (the widest the runtime accelerates),
    /// so an element's values depend on its own x only.
    /// </summary>
    /// <remarks>
    /// On (0, 2] (every Gamma shape of a cell's prior KL at initialisation, and most after) by Pade
    /// approximants on [1, 2] at x or x + 1 and the recurrences psi(x) = psi(x+1) - 1/x,
    /// psi'(x) = psi'(x+1) + 1/x^2, ln Gamma(x) = ln Gamma(x+1) - ln x (docs/mpmath/digamma_pade.py);
    /// elsewhere by the shift up to 10 and the asymptotic series. Chosen lane by lane.
    /// </remarks>
    public static void DigammaTrigammaLogGamma(ReadOnlySpan<double> x, Span<double> digamma, Span<double> trigamma, Span<double> logGamma)
    {
        CheckLengths(x.Length, digamma.Length, trigamma.Length, logGamma.Length);
        if (Vector512Lanes.IsPreferred)
        {
            DigammaTrigammaLogGamma<Vector512Lanes>(x, digamma, trigamma, logGamma);
        }
        else
        {
            DigammaTrigammaLogGamma<VectorLanes>(x, digamma, trigamma, logGamma);
        }
    }

    /// <summary>As <see cref="DigammaTrigammaLogGamma(ReadOnlySpan{double}, Span{double}, Span{double}, Span{double})"/> at the width of <typeparamref name="TLanes"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void DigammaTrigammaLogGamma<TLanes>(ReadOnlySpan<double> x, Span<double> digamma, Span<double> trigamma, Span<double> logGamma)
        where TLanes : struct, ILanes<TLanes>
    {
        int lanes = TLanes.Count, i = 0;
        for (; i + lanes <= x.Length; i += lanes)
        {
            var (psi, tri, lg) = DigammaTrigammaLogGamma(TLanes.Load(x[i..]));
            psi.Store(digamma[i..]);
            tri.Store(trigamma[i..]);
            lg.Store(logGamma[i..]);
        }

        if (i < x.Length)
        {
            int m = x.Length - i;
            Span<double> buffer = stackalloc double[4 * lanes];
            buffer[..lanes].Fill(1.0);
            x[i..].CopyTo(buffer);
            var (psi, tri, lg) = DigammaTrigammaLogGamma(TLanes.Load(buffer));
            psi.Store(buffer[lanes..]);
            tri.Store(buffer[(2 * lanes)..]);
            lg.Store(buffer[(3 * lanes)..]);
            buffer.Slice(lanes, m).CopyTo(digamma[i..]);
            buffer.Slice(2 * lanes, m).CopyTo(trigamma[i..]);
            buffer.Slice(3 * lanes, m).CopyTo(logGamma[i..]);
        }
    }

    private static (TLanes Digamma, TLanes Trigamma, TLanes LogGamma) DigammaTrigammaLogGamma<TLanes>(TLanes x)
        where TLanes : struct, ILanes<TLanes>
    {
        var zero = TLanes.Create(0.0);
        var small = TLanes.LessThan(zero, x) & TLanes.LessThanOrEqual(x, TLanes.Create(2.0));
        if (TLanes.All(small))
        {
            return UpToTwo(x);
        }

        var general = Shifted(x);
        if (TLanes.None(small))
        {
            return general;
        }

        var near = UpToTwo(x);
        return (TLanes.Select(small, near.Digamma, general.Digamma), TLanes.Select(small, near.Trigamma, general.Trigamma), TLanes.Select(small, near.LogGamma, general.LogGamma));
    }

    /// <summary>The three functions for x in (0, 2]: Pade approximants at x' = x or x + 1 in [1, 2], then the recurrences where x &lt; 1.</summary>
    private static (TLanes Digamma, TLanes Trigamma, TLanes LogGamma) UpToTwo<TLanes>(TLanes x)
        where TLanes : struct, ILanes<TLanes>
    {
        var one = TLanes.Create(1.0);
        var below = TLanes.LessThan(x, one);
        var shifted = TLanes.Select(below, x + one, x);
        var t = shifted - TLanes.Create(1.5);
        var psi = DigammaOneToTwo(shifted);

        // psi' [8/7] at 1.5 (max relative error 1.5e-15 on [1, 2]).
        var tp = Horner(t, TrigammaP);
        var tq = Horner(t, TrigammaQ);
        var tri = tp / tq;

        // ln Gamma [8/8] at 1.5 (max absolute error 2.4e-16 on [1, 2]).
        var lp = Horner(t, LogGammaP);
        var lq = Horner(t, LogGammaQ);
        var lg = lp / lq;
        if (TLanes.None(below))
        {
            return (psi, tri, lg);
        }

        var inv = one / x;
        return (TLanes.Select(below, psi - inv, psi), TLanes.Select(below, tri + (inv * inv), tri), TLanes.Select(below, lg - TLanes.Log(x), lg));
    }

    /// <summary>The three functions by the shift up to 10 and the asymptotic series (any x &gt; 0).</summary>
    private static (TLanes Digamma, TLanes Trigamma, TLanes LogGamma) Shifted<TLanes>(TLanes x)
        where TLanes : struct, ILanes<TLanes>
    {
        var ten = TLanes.Create(10.0);
        var one = TLanes.Create(1.0);
        var zero = TLanes.Create(0.0);
        var half = TLanes.Create(0.5);
        var v = x;
        var psi = zero;
        var tri = zero;
        var product = one;
        for (int k = 0; k < Shifts; k++)
        {
            var below = TLanes.LessThan(v, ten);
            if (TLanes.None(below))
            {
                break;
            }

            var inv0 = one / v;
            psi -= TLanes.Select(below, inv0, zero);
            tri += TLanes.Select(below, inv0 * inv0, zero);
            product *= TLanes.Select(below, v, one);
            v += TLanes.Select(below, one, zero);
        }

        var inv = one / v;
        var inv2 = inv * inv;
        var logV = TLanes.Log(v);
        var digamma = logV - half * inv - inv2 * DigammaSeries(inv2) + psi;
        var trigamma = tri + inv + half * inv2 + inv * inv2 * TrigammaSeries(inv2);
        var logGamma = (v - half) * logV - TLanes.Log(product) - v + TLanes.Create(0.91893853320467274178) + inv * LogGammaSeries(inv2);
        return (digamma, trigamma, logGamma);
    }

    /// <summary>The polynomial with <paramref name="coefficients"/> (highest power first) at t, by Horner's rule.</summary>
    private static TLanes Horner<TLanes>(TLanes t, ReadOnlySpan<double> coefficients)
        where TLanes : struct, ILanes<TLanes>
    {
        var sum = TLanes.Create(coefficients[0]);
        for (int k = 1; k < coefficients.Length; k++)
        {
            sum = (sum * t) + TLanes.Create(coefficients[k]);
        }

        return sum;
    }

    // The Pade approximants' coefficients at 1.5, highest power first (docs/mpmath/digamma_pade.py
    // prints them, lowest first): psi [7/7], psi' [8/7], ln Gamma [8/8].
    private static ReadOnlySpan<double> DigammaP => [6.610546503038602e-06, 0.0005839510322287714, 0.01367482386802516, 0.1316445164890751, 0.5957063273896651, 1.2550460964335826, 0.998339773851884, 0.03648997397857652];

    private static ReadOnlySpan<double> DigammaQ => [1.0924427911328034e-06, 0.00014481205751405512, 0.004577475769387612, 0.05858425089708444, 0.36297295641078214, 1.1437470743229605, 1.7412337247625334, 1.0];

    private static ReadOnlySpan<double> TrigammaP => [5.973413062512283e-12, -1.1994267848148065e-10, 0.0026984463651208543, 0.04225674830359883, 0.2776482240972915, 0.9784162544507783, 1.9491515519337548, 2.0824730087631353, 0.9348022005446793];

    private static ReadOnlySpan<double> TrigammaQ => [0.0026984450185280487, 0.04495520442148569, 0.3201297793494253, 1.2593613605949137, 2.947346891939123, 4.092567243181442, 3.1143162171646064, 1.0];

    private static ReadOnlySpan<double> LogGammaP => [0.00020735561652508372, 0.0068159190899321695, 0.07321366379339186, 0.35577789366201634, 0.8550854427611206, 0.9525557130600307, 0.26477849593210545, -0.26048154535466383, -0.12078223763524522];

    private static ReadOnlySpan<double> LogGammaQ => [-1.3658290400302356e-07, 5.163178750579801e-05, 0.002862258697851687, 0.04586579969384503, 0.32834962906650395, 1.215803306410684, 2.4204037574357278, 2.4587350354451596, 1.0];

    private static TLanes DigammaSeries<TLanes>(TLanes inv2)
        where TLanes : struct, ILanes<TLanes> =>
        TLanes.Create(1.0 / 12) - inv2 * (TLanes.Create(1.0 / 120) - inv2 * (TLanes.Create(1.0 / 252) - inv2 * (TLanes.Create(1.0 / 240) - inv2 * (TLanes.Create(1.0 / 132) - inv2 * TLanes.Create(691.0 / 32760)))));

    private static TLanes TrigammaSeries<TLanes>(TLanes inv2)
        where TLanes : struct, ILanes<TLanes> =>
        TLanes.Create(1.0 / 6) - inv2 * (TLanes.Create(1.0 / 30) - inv2 * (TLanes.Create(1.0 / 42) - inv2 * (TLanes.Create(1.0 / 30) - inv2 * (TLanes.Create(5.0 / 66) - inv2 * TLanes.Create(691.0 / 2730)))));

    private static TLanes LogGammaSeries<TLanes>(TLanes inv2)
        where TLanes : struct, ILanes<TLanes> =>
        TLanes.Create(1.0 / 12) - inv2 * (TLanes.Create(1.0 / 360) - inv2 * (TLanes.Create(1.0 / 1260) - inv2 * (TLanes.Create(1.0 / 1680) - inv2 * TLanes.Create(1.0 / 1188))));

    /// <summary>psi lane by lane.</summary>
    internal readonly struct DigammaFunction : LaneMath.ILaneFunction
    {
        public static TLanes Invoke<TLanes>(TLanes x)
            where TLanes : struct, ILanes<TLanes> => Digamma(x);
    }

    private static void CheckLengths(int n, int a, int b, int c)
    {
        if (a != n || b != n || c != n)
        {
            throw new ArgumentException($"special functions: input and outputs must have one length; got {n}, {a}, {b}, {c}.");
        }
    }
}
