using System.Numerics;
using System.Runtime.Intrinsics;

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
    public double NextUniformOpenZero() => OpenZeroUniform(NextBits());

    /// <summary>The uniform on (0, 1] that <see cref="NextUniformOpenZero"/> makes of 64 bits.</summary>
    internal static double OpenZeroUniform(ulong bits) => ((bits >> 11) + 1) * (1.0 / 9007199254740992.0);

    /// <summary>
    /// The first three words of the streams of counters counterBase, counterBase + 1, ...: what
    /// <see cref="NextBits"/> returns first, second and third, computed in SIMD lanes.
    /// </summary>
    internal static void FirstBits(ulong key, ulong counterBase, Span<ulong> first, Span<ulong> second, Span<ulong> third)
    {
        int n = first.Length, i = 0;
        if (Vector512Lanes.IsPreferred)
        {
            // The same words 8 lanes at a time (64-bit multiplies are native with AVX-512).
            var golden512 = Vector512.Create(Golden);
            var keys512 = Vector512.Create(key);
            for (; i + 8 <= n; i += 8)
            {
                var counter = Vector512.Create(counterBase + (ulong)i) + Vector512<ulong>.Indices;
                var state = Mix(keys512 ^ Mix(counter + golden512));
                state += golden512;
                Mix(state).CopyTo(first.Slice(i, 8));
                state += golden512;
                Mix(state).CopyTo(second.Slice(i, 8));
                state += golden512;
                Mix(state).CopyTo(third.Slice(i, 8));
            }
        }

        int lanes = Vector<ulong>.Count;
        var golden = new Vector<ulong>(Golden);
        var keys = new Vector<ulong>(key);
        Span<ulong> offsets = stackalloc ulong[lanes];
        for (int l = 0; l < lanes; l++)
        {
            offsets[l] = (ulong)l;
        }

        var laneOffsets = new Vector<ulong>(offsets);
        for (; i + lanes <= n; i += lanes)
        {
            var counter = new Vector<ulong>(counterBase + (ulong)i) + laneOffsets;
            var state = Mix(keys ^ Mix(counter + golden));
            state += golden;
            Mix(state).CopyTo(first.Slice(i, lanes));
            state += golden;
            Mix(state).CopyTo(second.Slice(i, lanes));
            state += golden;
            Mix(state).CopyTo(third.Slice(i, lanes));
        }

        for (; i < n; i++)
        {
            var stream = new CounterStream(key, counterBase + (ulong)i);
            first[i] = stream.NextBits();
            second[i] = stream.NextBits();
            third[i] = stream.NextBits();
        }
    }

    /// <summary>Standard normal draw (ziggurat, <see cref="NormalZiggurat"/>).</summary>
    public double NextNormal() => NormalZiggurat.Next(ref this);

    private static Vector512<ulong> Mix(Vector512<ulong> z)
    {
        z = (z ^ (z >>> 30)) * Vector512.Create(0xBF58476D1CE4E5B9UL);
        z = (z ^ (z >>> 27)) * Vector512.Create(0x94D049BB133111EBUL);
        return z ^ (z >>> 31);
    }

    private static Vector<ulong> Mix(Vector<ulong> z)
    {
        z = (z ^ (z >> 30)) * new Vector<ulong>(0xBF58476D1CE4E5B9UL);
        z = (z ^ (z >> 27)) * new Vector<ulong>(0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
