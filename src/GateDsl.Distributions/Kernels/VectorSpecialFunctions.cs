using System.Numerics;
using System.Runtime.CompilerServices;

namespace GateDsl.Distributions.Kernels;

/// <summary>
/// <see cref="ScalarSpecialFunctions"/> over spans in SIMD lanes (<see cref="Vector{T}"/> of double):
/// the same recurrence up to 10 (a masked shift of every lane, 10 passes) and the same asymptotic
/// series, so lane and scalar results agree to a few ulp. A remainder shorter than a vector runs scalar.
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
        var p = TLanes.Create(6.610546503038602e-06);
        p = (p * t) + TLanes.Create(0.0005839510322287714);
        p = (p * t) + TLanes.Create(0.01367482386802516);
        p = (p * t) + TLanes.Create(0.1316445164890751);
        p = (p * t) + TLanes.Create(0.5957063273896651);
        p = (p * t) + TLanes.Create(1.2550460964335826);
        p = (p * t) + TLanes.Create(0.998339773851884);
        p = (p * t) + TLanes.Create(0.03648997397857652);
        var q = TLanes.Create(1.0924427911328034e-06);
        q = (q * t) + TLanes.Create(0.00014481205751405512);
        q = (q * t) + TLanes.Create(0.004577475769387612);
        q = (q * t) + TLanes.Create(0.05858425089708444);
        q = (q * t) + TLanes.Create(0.36297295641078214);
        q = (q * t) + TLanes.Create(1.1437470743229605);
        q = (q * t) + TLanes.Create(1.7412337247625334);
        q = (q * t) + TLanes.Create(1.0);
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

    /// <summary>psi(x), psi'(x) and ln Gamma(x) elementwise. Range: x &gt; 0. Spans have one length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void DigammaTrigammaLogGamma(ReadOnlySpan<double> x, Span<double> digamma, Span<double> trigamma, Span<double> logGamma)
    {
        CheckLengths(x.Length, digamma.Length, trigamma.Length, logGamma.Length);
        int lanes = Vector<double>.Count, i = 0;
        for (; i + lanes <= x.Length; i += lanes)
        {
            var v = new Vector<double>(x.Slice(i, lanes));
            var psi = Vector<double>.Zero;
            Shift(ref v, ref psi, out var tri, out var product, trigamma: true);
            var inv = Vector<double>.One / v;
            var inv2 = inv * inv;
            var logV = Vector.Log(v);
            (logV - new Vector<double>(0.5) * inv - inv2 * DigammaSeries(new VectorLanes(inv2)).Value + psi).CopyTo(digamma.Slice(i, lanes));
            (tri + inv + new Vector<double>(0.5) * inv2 + inv * inv2 * TrigammaSeries(inv2)).CopyTo(trigamma.Slice(i, lanes));
            var half = new Vector<double>(0.5);
            var lg = -Vector.Log(product) + (v - half) * logV - v + new Vector<double>(0.91893853320467274178) + inv * LogGammaSeries(inv2);
            lg.CopyTo(logGamma.Slice(i, lanes));
        }

        for (; i < x.Length; i++)
        {
            ScalarSpecialFunctions.DigammaTrigammaLogGamma(x[i], out digamma[i], out trigamma[i], out logGamma[i]);
        }
    }

    /// <summary>
    /// Lanes below 10 move up by one per pass (at most <see cref="Shifts"/> passes, enough for every x &gt; 0),
    /// accumulating -1/x, 1/x^2 and the product of the x they passed.
    /// </summary>
    private static void Shift(ref Vector<double> v, ref Vector<double> psi, out Vector<double> tri, out Vector<double> product, bool trigamma)
    {
        var ten = new Vector<double>(10.0);
        tri = Vector<double>.Zero;
        product = Vector<double>.One;
        for (int k = 0; k < Shifts; k++)
        {
            var below = Vector.LessThan(v, ten);
            if (below == Vector<long>.Zero)
            {
                break;
            }

            var inv = Vector<double>.One / v;
            psi -= Vector.ConditionalSelect(below, inv, Vector<double>.Zero);
            if (trigamma)
            {
                tri += Vector.ConditionalSelect(below, inv * inv, Vector<double>.Zero);
                product *= Vector.ConditionalSelect(below, v, Vector<double>.One);
            }

            v += Vector.ConditionalSelect(below, Vector<double>.One, Vector<double>.Zero);
        }
    }

    private static TLanes DigammaSeries<TLanes>(TLanes inv2)
        where TLanes : struct, ILanes<TLanes> =>
        TLanes.Create(1.0 / 12) - inv2 * (TLanes.Create(1.0 / 120) - inv2 * (TLanes.Create(1.0 / 252) - inv2 * (TLanes.Create(1.0 / 240) - inv2 * (TLanes.Create(1.0 / 132) - inv2 * TLanes.Create(691.0 / 32760)))));

    private static Vector<double> TrigammaSeries(Vector<double> inv2) =>
        new Vector<double>(1.0 / 6) - inv2 * (new Vector<double>(1.0 / 30) - inv2 * (new Vector<double>(1.0 / 42) - inv2 * (new Vector<double>(1.0 / 30) - inv2 * (new Vector<double>(5.0 / 66) - inv2 * new Vector<double>(691.0 / 2730)))));

    private static Vector<double> LogGammaSeries(Vector<double> inv2) =>
        new Vector<double>(1.0 / 12) - inv2 * (new Vector<double>(1.0 / 360) - inv2 * (new Vector<double>(1.0 / 1260) - inv2 * (new Vector<double>(1.0 / 1680) - inv2 * new Vector<double>(1.0 / 1188))));

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
