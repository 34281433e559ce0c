using System.Numerics;
using GateDsl.Distributions.Kernels;

namespace GateDsl.Compiler.Backends.TorchSharp.Fused;

/// <summary>
/// The kernel's link functions and their derivatives in SIMD lanes (<see cref="LaneMath"/>: every
/// element through the vector code, so a value does not depend on where a block of units starts).
/// Each follows libtorch's formula for the same function, so the kernel and the generic path agree to rounding.
/// </summary>
internal static class VectorLinks
{
    /// <summary>softplus(x) = log(1 + e^x), as libtorch: x itself above 20, else max(x, 0) + log1p(e^-|x|).</summary>
    public static void Softplus(ReadOnlySpan<double> x, Span<double> y) => LaneMath.Apply<SoftplusFunction>(x, y, 0.0);

    /// <summary>d softplus / dx = sigmoid(x), and 1 above libtorch's threshold 20.</summary>
    public static void SoftplusDerivative(ReadOnlySpan<double> x, Span<double> y) => LaneMath.Apply<SoftplusDerivativeFunction>(x, y, 0.0);

    /// <summary>sigmoid(x) = 1 / (1 + e^-x), from e^-|x| so that neither side overflows.</summary>
    public static void Sigmoid(ReadOnlySpan<double> x, Span<double> y) => LaneMath.Apply<SigmoidFunction>(x, y, 0.0);

    private static Vector<double> SigmoidOf(Vector<double> x)
    {
        var e = Vector.Exp(-Vector.Abs(x));
        var inv = Vector<double>.One / (Vector<double>.One + e);
        return Vector.ConditionalSelect(Vector.GreaterThanOrEqual(x, Vector<double>.Zero), inv, e * inv);
    }

    private readonly struct SoftplusFunction : LaneMath.IFunction
    {
        public static Vector<double> Invoke(Vector<double> x)
        {
            // log1p(e) = ln(u) e / (u - 1) with u = 1 + e (Goldberg 1991): accurate for tiny e, where ln(1 + e) is not.
            var e = Vector.Exp(-Vector.Abs(x));
            var u = Vector<double>.One + e;
            var log1p = Vector.ConditionalSelect(Vector.Equals(u, Vector<double>.One), e, Vector.Log(u) * e / (u - Vector<double>.One));
            var y = Vector.Max(x, Vector<double>.Zero) + log1p;
            return Vector.ConditionalSelect(Vector.GreaterThan(x, new Vector<double>(20.0)), x, y);
        }
    }

    private readonly struct SoftplusDerivativeFunction : LaneMath.IFunction
    {
        public static Vector<double> Invoke(Vector<double> x) =>
            Vector.ConditionalSelect(Vector.GreaterThan(x, new Vector<double>(20.0)), Vector<double>.One, SigmoidOf(x));
    }

    private readonly struct SigmoidFunction : LaneMath.IFunction
    {
        public static Vector<double> Invoke(Vector<double> x) => SigmoidOf(x);
    }
}
