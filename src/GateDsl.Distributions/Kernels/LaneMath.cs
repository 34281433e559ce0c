using System.Numerics;
using System.Runtime.CompilerServices;

namespace GateDsl.Distributions.Kernels;

/// <summary>
/// Elementwise functions over spans in SIMD lanes (<see cref="Vector{T}"/> of double), with the
/// elements past the last whole vector run through the same vector code in a padded vector: every
/// element's result depends on its own value only, never on where a span starts or ends. That is
/// what makes a kernel's draws the same however a tensor is cut into chunks, rows or threads.
/// </summary>
public static class LaneMath
{
    /// <summary>A function of one vector, applied lane by lane.</summary>
    public interface IFunction
    {
        /// <summary>The function's value in every lane of <paramref name="x"/>.</summary>
        static abstract Vector<double> Invoke(Vector<double> x);
    }

    /// <summary>y = F(x) elementwise; <paramref name="pad"/> fills the unused lanes of the last vector (a value F accepts).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Apply<TFunction>(ReadOnlySpan<double> x, Span<double> y, double pad = 1.0)
        where TFunction : IFunction
    {
        int lanes = Vector<double>.Count, i = 0;
        for (; i + lanes <= x.Length; i += lanes)
        {
            TFunction.Invoke(new Vector<double>(x.Slice(i, lanes))).CopyTo(y.Slice(i, lanes));
        }

        if (i < x.Length)
        {
            Span<double> buffer = stackalloc double[lanes];
            buffer.Fill(pad);
            x[i..].CopyTo(buffer);
            TFunction.Invoke(new Vector<double>(buffer)).CopyTo(buffer);
            buffer[..(x.Length - i)].CopyTo(y[i..]);
        }
    }

    /// <summary>ln x elementwise (<see cref="Vector.Log(Vector{double})"/>: within 1 ulp of the correctly rounded value).</summary>
    public static void Log(ReadOnlySpan<double> x, Span<double> y) => Apply<LogFunction>(x, y);

    /// <summary>e^x elementwise (<see cref="Vector.Exp(Vector{double})"/>: within 2 ulp).</summary>
    public static void Exp(ReadOnlySpan<double> x, Span<double> y) => Apply<ExpFunction>(x, y, 0.0);

    /// <summary>e^x of one number by the lanes' exponential, so scalar code gives what the vector code gives.</summary>
    public static double Exp(double x) => Vector.Exp(new Vector<double>(x))[0];

    private readonly struct LogFunction : IFunction
    {
        public static Vector<double> Invoke(Vector<double> x) => Vector.Log(x);
    }

    private readonly struct ExpFunction : IFunction
    {
        public static Vector<double> Invoke(Vector<double> x) => Vector.Exp(x);
    }
}
