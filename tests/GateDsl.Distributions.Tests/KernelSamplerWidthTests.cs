using GateDsl.Distributions.Kernels;

namespace GateDsl.Distributions.Tests;

/// <summary>
/// The whole span Gamma sampler (counter words, first tries, replays, logs, psi, the gradient series)
/// run with the kernels' width switched to <see cref="System.Numerics.Vector{T}"/> and to 512 bits on
/// this processor (the runtime emulates 512-bit vectors where it has no AVX-512): draws and gradients
/// must be bit-identical, so a seed gives the same numbers with or without AVX-512. Runs alone: it
/// switches the width for the whole process while it runs. Deterministic.
/// </summary>
[Collection(nameof(KernelSamplerWidthTests))]
public sealed class KernelSamplerWidthTests
{
    [Fact]
    public void Span_sampler_gives_the_same_draws_and_gradients_at_both_widths()
    {
        const int n = 3001; // odd: blocks end off both widths, so the padded and scalar tails run too
        var rng = new Random(31);
        var alpha = Enumerable.Range(0, n).Select(i => i switch
        {
            0 => 1e-300,
            1 => 1e6,
            2 => 1.0,
            _ => Math.Exp((rng.NextDouble() * 16) - 7),
        }).ToArray();
        var (narrowLog, narrowGradient) = Sample(alpha, wide: false);
        var (wideLog, wideGradient) = Sample(alpha, wide: true);
        for (int i = 0; i < n; i++)
        {
            Assert.True(
                BitConverter.DoubleToInt64Bits(narrowLog[i]) == BitConverter.DoubleToInt64Bits(wideLog[i])
                && BitConverter.DoubleToInt64Bits(narrowGradient[i]) == BitConverter.DoubleToInt64Bits(wideGradient[i]),
                $"alpha {alpha[i]:R}: {VectorLanes.Count} lanes (ln G {narrowLog[i]:R}, gradient {narrowGradient[i]:R}), 8 lanes (ln G {wideLog[i]:R}, gradient {wideGradient[i]:R})");
        }
    }

    private static (double[] Log, double[] Gradient) Sample(double[] alpha, bool wide)
    {
        var log = new double[alpha.Length];
        var gradient = new double[alpha.Length];
        var before = Vector512Lanes.IsPreferred;
        Vector512Lanes.IsPreferred = wide;
        try
        {
            for (int start = 0; start < alpha.Length; start += StandardGammaKernel.MaxBatch)
            {
                var m = Math.Min(StandardGammaKernel.MaxBatch, alpha.Length - start);
                StandardGammaKernel.SampleLog(alpha.AsSpan(start, m), log.AsSpan(start, m), gradient.AsSpan(start, m), 5, (ulong)start, 1e-8);
            }
        }
        finally
        {
            Vector512Lanes.IsPreferred = before;
        }

        return (log, gradient);
    }
}

/// <summary>The collection of <see cref="KernelSamplerWidthTests"/>: never in parallel with other tests.</summary>
[CollectionDefinition(nameof(KernelSamplerWidthTests), DisableParallelization = true)]
public sealed class KernelSamplerWidthCollection
{
}
