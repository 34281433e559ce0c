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

    /// <summary>psi(x) elementwise. Range: x &gt; 0. Spans have one length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Digamma(ReadOnlySpan<double> x, Span<double> digamma)
    {
        CheckLengths(x.Length, digamma.Length, digamma.Length, digamma.Length);
        int lanes = Vector<double>.Count, i = 0;
        for (; i + lanes <= x.Length; i += lanes)
        {
            var v = new Vector<double>(x.Slice(i, lanes));
            var psi = Vector<double>.Zero;
            Shift(ref v, ref psi, out _, out _, trigamma: false);
            var inv = Vector<double>.One / v;
            var inv2 = inv * inv;
            (Vector.Log(v) - new Vector<double>(0.5) * inv - inv2 * DigammaSeries(inv2) + psi).CopyTo(digamma.Slice(i, lanes));
        }

        for (; i < x.Length; i++)
        {
            digamma[i] = ScalarSpecialFunctions.Digamma(x[i]);
        }
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
            (logV - new Vector<double>(0.5) * inv - inv2 * DigammaSeries(inv2) + psi).CopyTo(digamma.Slice(i, lanes));
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

    private static Vector<double> DigammaSeries(Vector<double> inv2) =>
        new Vector<double>(1.0 / 12) - inv2 * (new Vector<double>(1.0 / 120) - inv2 * (new Vector<double>(1.0 / 252) - inv2 * (new Vector<double>(1.0 / 240) - inv2 * (new Vector<double>(1.0 / 132) - inv2 * new Vector<double>(691.0 / 32760)))));

    private static Vector<double> TrigammaSeries(Vector<double> inv2) =>
        new Vector<double>(1.0 / 6) - inv2 * (new Vector<double>(1.0 / 30) - inv2 * (new Vector<double>(1.0 / 42) - inv2 * (new Vector<double>(1.0 / 30) - inv2 * (new Vector<double>(5.0 / 66) - inv2 * new Vector<double>(691.0 / 2730)))));

    private static Vector<double> LogGammaSeries(Vector<double> inv2) =>
        new Vector<double>(1.0 / 12) - inv2 * (new Vector<double>(1.0 / 360) - inv2 * (new Vector<double>(1.0 / 1260) - inv2 * (new Vector<double>(1.0 / 1680) - inv2 * new Vector<double>(1.0 / 1188))));

    private static void CheckLengths(int n, int a, int b, int c)
    {
        if (a != n || b != n || c != n)
        {
            throw new ArgumentException($"special functions: input and outputs must have one length; got {n}, {a}, {b}, {c}.");
        }
    }
}
