namespace GateDsl.Distributions.Kernels;

/// <summary>
/// A random stream that depends only on a (key, counter) pair, so that element i of a tensor gets
/// the same draws whichever thread computes it and however the work is split: reproducible for a
/// seed at any thread count. The start state is a strong 64-bit hash of key and counter (the
/// SplitMix64 finaliser, Steele, Lea &amp; Flood, "Fast splittable pseudorandom number generators",
/// OOPSLA 2014, applied twice), and the stream then steps as SplitMix64 does (add the golden-ratio
/// increment, finalise). Streams of different counters start at unrelated points of the 2^64 cycle;
/// each element uses a few dozen values, so overlaps have probability of order n^2 2^-64.
/// </summary>
public struct CounterStream
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;
    private ulong state;

    /// <summary>Creates the stream of element <paramref name="counter"/> under <paramref name="key"/> (the seed).</summary>
    public CounterStream(ulong key, ulong counter)
    {
        state = Mix(key ^ Mix(counter + Golden));
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextBits()
    {
        state += Golden;
        return Mix(state);
    }

    /// <summary>Uniform on (0, 1]: 53 random bits, never 0, so its log is finite.</summary>
    public double NextUniformOpenZero() => ((NextBits() >> 11) + 1) * (1.0 / 9007199254740992.0);

    /// <summary>Standard normal draw (ziggurat, <see cref="NormalZiggurat"/>).</summary>
    public double NextNormal() => NormalZiggurat.Next(ref this);

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
