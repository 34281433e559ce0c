using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GateDsl.Distributions.Kernels;

/// <summary>
/// <see cref="ILanes{TSelf}"/> over <see cref="Vector512{T}"/> of double: 8 lanes, used where
/// <see cref="IsPreferred"/> (the runtime accelerates 512-bit vectors, which it reports only on
/// processors where they pay: it leaves them off where they would lower the clock).
/// </summary>
internal readonly struct Vector512Lanes : ILanes<Vector512Lanes>
{
    private readonly Vector512<double> _v;

    private Vector512Lanes(Vector512<double> v) => _v = v;

    /// <summary>
    /// Whether kernels run at this width: by default where 512-bit vectors are accelerated and wider
    /// than <see cref="VectorLanes"/>. Tests set it to run both widths on one processor (the values
    /// must not change: see KernelVectorWidthTests); nothing else should.
    /// </summary>
    public static bool IsPreferred { get; internal set; } = Vector512.IsHardwareAccelerated && Vector512<double>.Count > System.Numerics.Vector<double>.Count;

    public static int Count => Vector512<double>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lanes Load(ReadOnlySpan<double> source) => new(Vector512.Create(source));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lanes Create(double value) => new(Vector512.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(Span<double> destination) => _v.CopyTo(destination);

    public static Vector512Lanes operator +(Vector512Lanes left, Vector512Lanes right) => new(left._v + right._v);

    public static Vector512Lanes operator -(Vector512Lanes left, Vector512Lanes right) => new(left._v - right._v);

    public static Vector512Lanes operator *(Vector512Lanes left, Vector512Lanes right) => new(left._v * right._v);

    public static Vector512Lanes operator /(Vector512Lanes left, Vector512Lanes right) => new(left._v / right._v);

    public static Vector512Lanes operator &(Vector512Lanes left, Vector512Lanes right) => new(left._v & right._v);

    public static Vector512Lanes LessThan(Vector512Lanes left, Vector512Lanes right) => new(Vector512.LessThan(left._v, right._v));

    public static Vector512Lanes LessThanOrEqual(Vector512Lanes left, Vector512Lanes right) => new(Vector512.LessThanOrEqual(left._v, right._v));

    public static Vector512Lanes GreaterThanOrEqual(Vector512Lanes left, Vector512Lanes right) => new(Vector512.GreaterThanOrEqual(left._v, right._v));

    public static Vector512Lanes AndNot(Vector512Lanes left, Vector512Lanes right) => new(Vector512.AndNot(left._v, right._v));

    public static Vector512Lanes Select(Vector512Lanes mask, Vector512Lanes whenSet, Vector512Lanes whenClear) => new(Vector512.ConditionalSelect(mask._v, whenSet._v, whenClear._v));

    public static bool None(Vector512Lanes mask) => mask._v.AsUInt64() == Vector512<ulong>.Zero;

    public static bool All(Vector512Lanes mask) => mask._v.AsUInt64() == Vector512<ulong>.AllBitsSet;

    public static Vector512Lanes Abs(Vector512Lanes x) => new(Vector512.Abs(x._v));

    public static Vector512Lanes Sqrt(Vector512Lanes x) => new(Vector512.Sqrt(x._v));

    public static Vector512Lanes Exp(Vector512Lanes x) => new(Vector512.Exp(x._v));

    public static Vector512Lanes Log(Vector512Lanes x) => new(Vector512.Log(x._v));
}
