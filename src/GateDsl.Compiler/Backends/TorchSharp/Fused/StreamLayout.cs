using GateDsl.Distributions.Kernels;

namespace GateDsl.Compiler.Backends.TorchSharp.Fused;

/// <summary>
/// Where each draw of a fused run comes from: draw d of unit (b, j) at step t of a sequence uses the
/// counter-based stream (<see cref="CounterStream"/>) with key Key(seed, layer, sequence) and counter
/// ((t * MaxDrawsPerStep + d) * B + b) * H + j, so the values depend on none of the threads, chunks or
/// order of computation, and <see cref="KernelDrawSource"/> gives the generic path the very same draws.
/// </summary>
internal static class StreamLayout
{
    /// <summary>Draws per step the counter layout reserves room for.</summary>
    public const int MaxDrawsPerStep = 65536;

    /// <summary>The stream key of one layer's sequence (SplitMix64 over the three numbers).</summary>
    public static ulong Key(ulong seed, int layer, long sequence)
    {
        var x = seed;
        foreach (var part in new[] { (ulong)layer, (ulong)sequence })
        {
            x = Mix(x ^ Mix(part + 0x9E3779B97F4A7C15UL));
        }

        return x;
    }

    /// <summary>The counter of element (b, j) of draw <paramref name="draw"/> at <paramref name="step"/> for a batch of B rows of H units.</summary>
    public static ulong Counter(long step, int draw, long batch, long hidden, long row, long unit) =>
        (((((ulong)step * MaxDrawsPerStep) + (ulong)draw) * (ulong)batch) + (ulong)row) * (ulong)hidden + (ulong)unit;

    /// <summary>A number in [0, 1) from 53 bits of the element's stream.</summary>
    public static double Uniform(ulong key, ulong counter) => (new CounterStream(key, counter).NextBits() >> 11) * (1.0 / 9007199254740992.0);

    /// <summary>A number in (0, 1), never 0 or 1: half a grid step from each end.</summary>
    public static double OpenUniform(ulong key, ulong counter) => ((new CounterStream(key, counter).NextBits() >> 11) + 0.5) * (1.0 / 9007199254740992.0);

    /// <summary>A standard normal number from the element's stream (ziggurat).</summary>
    public static double Normal(ulong key, ulong counter)
    {
        var stream = new CounterStream(key, counter);
        return stream.NextNormal();
    }

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
