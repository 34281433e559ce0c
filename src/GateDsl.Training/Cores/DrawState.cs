namespace GateDsl.Training.Cores;

/// <summary>
/// Where a core's fused-kernel draws stand, the kernel's counterpart of libtorch's generator state: the
/// fused kernel draws from counter-based streams keyed by a seed, the layer and the number of
/// sequences (forward calls) the layer has begun (<c>GateLayer.Seed</c>, <c>GateCell.SequenceCount</c>).
/// A checkpoint stores it so that a resumed run draws what the uninterrupted run would have drawn.
/// </summary>
/// <param name="Seed">The streams' seed; null: keys from torch's global generator (<c>GateLayer.Seed</c>).</param>
/// <param name="Sequences">Sequences begun so far by each layer.</param>
internal sealed record DrawState(ulong? Seed, long Sequences)
{
    /// <summary>The state a run with <c>--seed</c> <paramref name="seed"/> starts from: the run's seed as the streams' seed, so --seed fixes these draws as it fixes libtorch's.</summary>
    public static DrawState Start(long seed) => new(unchecked((ulong)seed), 0);
}
