using System.Numerics;
using System.Runtime.CompilerServices;

namespace GateDsl.Distributions.Kernels;

/// <summary><see cref="ILanes{TSelf}"/> over <see cref="Vector{T}"/> of double: the width the runtime picks on every platform.</summary>
internal readonly struct VectorLanes : ILanes<VectorLanes>
{
    private readonly Vector<double> _v;

    /// <summary>The lanes of <paramref name="v"/>.</summary>
    public VectorLanes(Vector<double> v) => _v = v;

    /// <summary>The lanes as a <see cref="Vector{T}"/>.</summary>
    public Vector<double> Value => _v;

    public static int Count => Vector<double>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLanes Load(ReadOnlySpan<double> source) => new(new Vector<double>(source));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLanes Create(double value) => new(new Vector<double>(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(Span<double> destination) => _v.CopyTo(destination);

    public static VectorLanes operator +(VectorLanes left, VectorLanes right) => new(left._v + right._v);

    public static VectorLanes operator -(VectorLanes left, VectorLanes right) => new(left._v - right._v);

    public static VectorLanes operator *(VectorLanes left, VectorLanes right) => new(left._v * right._v);

    public static VectorLanes operator /(VectorLanes left, VectorLanes right) => new(left._v / right._v);

    public static VectorLanes operator &(VectorLanes left, VectorLanes right) => new(left._v & right._v);

    public static VectorLanes LessThan(VectorLanes left, VectorLanes right) => new(Vector.LessThan<double>(left._v, right._v));

    public static VectorLanes LessThanOrEqual(VectorLanes left, VectorLanes right) => new(Vector.LessThanOrEqual<double>(left._v, right._v));

    public static VectorLanes GreaterThanOrEqual(VectorLanes left, VectorLanes right) => new(Vector.GreaterThanOrEqual<double>(left._v, right._v));

    public static VectorLanes AndNot(VectorLanes left, VectorLanes right) => new(Vector.AndNot(left._v, right._v));

    public static VectorLanes Select(VectorLanes mask, VectorLanes whenSet, VectorLanes whenClear) => new(Vector.ConditionalSelect(mask._v, whenSet._v, whenClear._v));

    public static bool None(VectorLanes mask) => Vector.AsVectorUInt64(mask._v) == Vector<ulong>.Zero;

    public static bool All(VectorLanes mask) => Vector.AsVectorUInt64(mask._v) == Vector<ulong>.AllBitsSet;

    public static VectorLanes Abs(VectorLanes x) => new(Vector.Abs(x._v));

    public static VectorLanes Sqrt(VectorLanes x) => new(Vector.SquareRoot(x._v));

    public static VectorLanes Exp(VectorLanes x) => new(Vector.Exp(x._v));

    public static VectorLanes Log(VectorLanes x) => new(Vector.Log(x._v));
}
