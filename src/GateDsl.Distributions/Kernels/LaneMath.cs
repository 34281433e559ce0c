using System.Numerics;
using System.Runtime.CompilerServices;

namespace GateDsl.Distributions.Kernels;

/// <summary>
/// Elementwise functions over spans in SIMD lanes (<see cref="Vector{T}"/> of double, or 512-bit
/// vectors where <see cref="Vector512Lanes.IsPreferred"/>), with the elements past the last whole
/// vector run through the same vector code in a padded vector: every element's result depends on its
/// own value only, never on where a span starts or ends nor on the vector width. That is what makes a
/// kernel's draws the same however a tensor is cut into chunks, rows or threads.
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

    /// <summary>A function of one vector of any width (<see cref="ILanes{TSelf}"/>), lane by lane.</summary>
    internal interface ILaneFunction
    {
        /// <summary>The function's value in every lane of <paramref name="x"/>.</summary>
        static abstract TLanes Invoke<TLanes>(TLanes x)
            where TLanes : struct, ILanes<TLanes>;
    }

    /// <summary>
    /// y = F(x) elementwise as <see cref="Apply{TFunction}"/> does, at the widest vectors the runtime
    /// accelerates (<see cref="Vector512Lanes.IsPreferred"/>): F is lane by lane, so the values are
    /// the same at any width.
    /// </summary>
    internal static void Map<TFunction>(ReadOnlySpan<double> x, Span<double> y, double pad = 1.0)
        where TFunction : ILaneFunction
    {
        if (Vector512Lanes.IsPreferred)
        {
            Map<TFunction, Vector512Lanes>(x, y, pad);
        }
        else
        {
            Map<TFunction, VectorLanes>(x, y, pad);
        }
    }

    /// <summary>As <see cref="Map{TFunction}"/> at the vector width of <typeparamref name="TLanes"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Map<TFunction, TLanes>(ReadOnlySpan<double> x, Span<double> y, double pad)
        where TFunction : ILaneFunction
        where TLanes : struct, ILanes<TLanes>
    {
        int lanes = TLanes.Count, i = 0;
        for (; i + lanes <= x.Length; i += lanes)
        {
            TFunction.Invoke(TLanes.Load(x[i..])).Store(y[i..]);
        }

        if (i < x.Length)
        {
            Span<double> buffer = stackalloc double[lanes];
            buffer.Fill(pad);
            x[i..].CopyTo(buffer);
            TFunction.Invoke(TLanes.Load(buffer)).Store(buffer);
            buffer[..(x.Length - i)].CopyTo(y[i..]);
        }
    }

    /// <summary>ln x elementwise (the runtime's vector logarithm: within 1 ulp of the correctly rounded value).</summary>
    public static void Log(ReadOnlySpan<double> x, Span<double> y) => Map<LogFunction>(x, y);

    /// <summary>e^x elementwise (the runtime's vector exponential: within 2 ulp).</summary>
    public static void Exp(ReadOnlySpan<double> x, Span<double> y) => Map<ExpFunction>(x, y, 0.0);

    /// <summary>e^x of one number by the lanes' exponential, so scalar code gives what the vector code gives.</summary>
    public static double Exp(double x) => Vector.Exp(new Vector<double>(x))[0];

    /// <summary>ln x lane by lane.</summary>
    internal readonly struct LogFunction : ILaneFunction
    {
        public static TLanes Invoke<TLanes>(TLanes x)
            where TLanes : struct, ILanes<TLanes> => TLanes.Log(x);
    }

    /// <summary>e^x lane by lane.</summary>
    internal readonly struct ExpFunction : ILaneFunction
    {
        public static TLanes Invoke<TLanes>(TLanes x)
            where TLanes : struct, ILanes<TLanes> => TLanes.Exp(x);
    }
}
