using System.Numerics;

namespace GateDsl.Benchmarks.Prototypes;

/// <summary>
/// The elementwise part of one time step of a cell: everything after the fused affine map
/// z = W_ih x_t + b + W_hh h_{t-1} (K*H pre-activations per row) and before the next step's matrix
/// product. This is the piece a compiler generates from a cell's IR; <see cref="SequenceFunction"/>
/// owns the matrix products, the time loop, masks, threads and autograd.
/// </summary>
/// <remarks>
/// Layout, per row b of the batch: <c>pre</c> holds K blocks of H pre-activations (head k of unit j at
/// k*H + j), <c>saved</c> holds <see cref="SavedWidth"/> blocks of H values the backward needs.
/// A call covers the units [j0, j1) of one row, so work can be split over rows and units.
/// </remarks>
/// <typeparam name="T">float or double: the tensors' element type.</typeparam>
public interface ISequenceStep<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>K: heads (blocks of H rows of the fused weight) per unit.</summary>
    int Heads { get; }

    /// <summary>Blocks of H values saved per row for the backward.</summary>
    int SavedWidth { get; }

    /// <summary>Smallest number of units worth sending to another thread (cheap steps need more).</summary>
    int MinUnitsPerChunk { get; }

    /// <summary>
    /// Forward of units [j0, j1) of one row: reads pre and cPrev, writes c, h and saved; returns this
    /// range's contribution to the step's KL (0 for cells without a prior).
    /// </summary>
    double Forward(ReadOnlySpan<T> pre, ReadOnlySpan<T> cPrev, Span<T> c, Span<T> h, Span<T> saved, int hidden, int j0, int j1, StepRandom random);

    /// <summary>
    /// Backward of units [j0, j1) of one row. dh is dL/dh_t (everything that reaches h_t); dc holds
    /// dL/dc_t on entry and dL/dc_{t-1} on return; dKl is dL/dKL_t of this row; writes dL/dpre.
    /// </summary>
    void Backward(ReadOnlySpan<T> saved, ReadOnlySpan<T> cPrev, ReadOnlySpan<T> c, ReadOnlySpan<T> dh, Span<T> dc, double dKl, Span<T> dPre, int hidden, int j0, int j1);
}
