using System.Numerics;
using System.Runtime.CompilerServices;
using System.Numerics.Tensors;

namespace GateDsl.Benchmarks.Prototypes;

/// <summary>
/// The standard LSTM step: i, f, o = sigmoid, g = tanh (heads in PyTorch's order i, f, g, o),
/// c = f c_prev + i g, h = o tanh(c). Saves the four activations.
/// </summary>
public sealed class LstmStep<T> : ISequenceStep<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public int Heads => 4;

    /// <inheritdoc/>
    public int SavedWidth => 4;

    /// <inheritdoc/>
    public int MinUnitsPerChunk => 4096;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Forward(ReadOnlySpan<T> pre, ReadOnlySpan<T> cPrev, Span<T> c, Span<T> h, Span<T> saved, int hidden, int j0, int j1, StepRandom random)
    {
        int n = j1 - j0;
        var i = saved.Slice(j0, n);
        var f = saved.Slice(hidden + j0, n);
        var g = saved.Slice(2 * hidden + j0, n);
        var o = saved.Slice(3 * hidden + j0, n);
        TensorPrimitives.Sigmoid(pre.Slice(j0, n), i);
        TensorPrimitives.Sigmoid(pre.Slice(hidden + j0, n), f);
        TensorPrimitives.Tanh(pre.Slice(2 * hidden + j0, n), g);
        TensorPrimitives.Sigmoid(pre.Slice(3 * hidden + j0, n), o);
        var cOut = c.Slice(j0, n);
        var hOut = h.Slice(j0, n);
        TensorPrimitives.Multiply(f, cPrev.Slice(j0, n), cOut);
        TensorPrimitives.FusedMultiplyAdd(i, g, cOut, cOut);
        TensorPrimitives.Tanh(cOut, hOut);
        TensorPrimitives.Multiply(hOut, o, hOut);
        return 0;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Backward(ReadOnlySpan<T> saved, ReadOnlySpan<T> cPrev, ReadOnlySpan<T> c, ReadOnlySpan<T> dh, Span<T> dc, double dKl, Span<T> dPre, int hidden, int j0, int j1)
    {
        T one = T.One;
        for (int j = j0; j < j1; j++)
        {
            T i = saved[j], f = saved[hidden + j], g = saved[2 * hidden + j], o = saved[3 * hidden + j];
            T tc = T.Tanh(c[j]);
            T dcj = dc[j] + dh[j] * o * (one - tc * tc);
            dPre[j] = dcj * g * i * (one - i);
            dPre[hidden + j] = dcj * cPrev[j] * f * (one - f);
            dPre[2 * hidden + j] = dcj * i * (one - g * g);
            dPre[3 * hidden + j] = dh[j] * tc * o * (one - o);
            dc[j] = dcj * f;
        }
    }
}
