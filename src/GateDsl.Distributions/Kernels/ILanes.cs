namespace GateDsl.Distributions.Kernels;

/// <summary>
/// A SIMD vector of doubles as the kernels use it, so that one generic body serves every vector
/// width: <see cref="VectorLanes"/> (<see cref="System.Numerics.Vector{T}"/>, on every platform) and
/// <see cref="Vector512Lanes"/> (512 bits, where the runtime reports AVX-512 worth using). Every
/// operation is lane by lane and the same per lane at either width (the runtime's Exp and Log run
/// one algorithm per lane at every width), so on a given processor a kernel's values do not depend
/// on the width it ran at (KernelVectorWidthTests). Across processors they are bit-identical where
/// the instruction sets agree on fused multiply-adds: the runtime's Exp and Log use them where the
/// processor has FMA, so x86 without AVX2/FMA gives values within an ulp of these. Comparisons
/// return masks (all bits set or clear per lane) of the same type.
/// </summary>
/// <typeparam name="TSelf">The implementing struct.</typeparam>
internal interface ILanes<TSelf>
    where TSelf : struct, ILanes<TSelf>
{
    /// <summary>Lanes per vector.</summary>
    static abstract int Count { get; }

    /// <summary>The first <see cref="Count"/> elements of <paramref name="source"/>.</summary>
    static abstract TSelf Load(ReadOnlySpan<double> source);

    /// <summary>Every lane set to <paramref name="value"/>.</summary>
    static abstract TSelf Create(double value);

    /// <summary>Writes the lanes to the first <see cref="Count"/> elements of <paramref name="destination"/>.</summary>
    void Store(Span<double> destination);

    static abstract TSelf operator +(TSelf left, TSelf right);

    static abstract TSelf operator -(TSelf left, TSelf right);

    static abstract TSelf operator *(TSelf left, TSelf right);

    static abstract TSelf operator /(TSelf left, TSelf right);

    /// <summary>Mask intersection.</summary>
    static abstract TSelf operator &(TSelf left, TSelf right);

    /// <summary>Mask of left &lt; right.</summary>
    static abstract TSelf LessThan(TSelf left, TSelf right);

    /// <summary>Mask of left &lt;= right.</summary>
    static abstract TSelf LessThanOrEqual(TSelf left, TSelf right);

    /// <summary>Mask of left &gt;= right.</summary>
    static abstract TSelf GreaterThanOrEqual(TSelf left, TSelf right);

    /// <summary>left and not right, bitwise (masks).</summary>
    static abstract TSelf AndNot(TSelf left, TSelf right);

    /// <summary>Per lane: <paramref name="whenSet"/> where <paramref name="mask"/> is set, else <paramref name="whenClear"/>.</summary>
    static abstract TSelf Select(TSelf mask, TSelf whenSet, TSelf whenClear);

    /// <summary>Whether no lane of the mask is set.</summary>
    static abstract bool None(TSelf mask);

    /// <summary>Whether every lane of the mask is set.</summary>
    static abstract bool All(TSelf mask);

    static abstract TSelf Abs(TSelf x);

    static abstract TSelf Sqrt(TSelf x);

    /// <summary>e^x (the runtime's vector exponential, within 2 ulp).</summary>
    static abstract TSelf Exp(TSelf x);

    /// <summary>ln x (the runtime's vector logarithm, within 1 ulp).</summary>
    static abstract TSelf Log(TSelf x);
}
