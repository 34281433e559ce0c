using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using GateDsl.Distributions;
using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Benchmarks;

/// <summary>
/// Reparameterized draws with backward at batch 32 x 256 (one LSTM step of 256 units for 32 sequences),
/// float32 on the CPU. Each sampler is grouped (category) with a baseline that makes the same number
/// of Gamma draws with bare <c>torch._standard_gamma</c> and the same backward (sum, then backward):
/// Gamma 1x, Beta 2x, BivariateBeta 3x, BivariateBeta5 5x the 8192 draws. The Ratio column is
/// time(sampler) / time(baseline); the rate relative to bare Gamma draws is 1 / Ratio. Shapes are
/// softplus(N(0,1)) + 1e-3 as in a BBeta-LSTM cell, so about half are below 1 and the log-space boost
/// path is taken.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SamplerBenchmarks
{
    private const int Batch = 32;
    private const int Units = 256;

    private Generator generator = null!;

    /// <summary>
    /// libtorch intra-op threads. Reported separately because on a shared, loaded machine a parallel
    /// kernel waits at its barrier for a descheduled thread, which penalises many small kernels (the
    /// samplers) more than one big one (the baseline).
    /// </summary>
    [Params(1, 2)]
    public int Threads { get; set; }
    private Tensor[] shapes = [];
    private Tensor[][] baselineShapes = [];
    private Gamma gamma = null!;
    private Beta beta = null!;
    private BivariateBeta bivariate = null!;
    private BivariateBeta5 bivariate5 = null!;

    /// <summary>Creates leaf shape tensors and the distributions once; draws happen per iteration.</summary>
    [GlobalSetup]
    public void Setup()
    {
        torch.set_num_threads(Threads);
        generator = new Generator(1000, torch.CPU);
        shapes = Enumerable.Range(0, 5)
            .Select(_ => (torch.nn.functional.softplus(torch.randn([Batch, Units], generator: generator)) + 1e-3).detach().requires_grad_(true))
            .ToArray();
        baselineShapes = new[] { 1, 2, 3, 5 }
            .Select(k => Enumerable.Range(0, k).Select(i => shapes[i].detach().clone().requires_grad_(true)).ToArray())
            .ToArray();
        var one = torch.ones(1);
        gamma = new Gamma(shapes[0], one);
        beta = new Beta(shapes[0], shapes[1]);
        bivariate = new BivariateBeta(shapes[0], shapes[1], shapes[2]);
        bivariate5 = new BivariateBeta5(shapes[0], shapes[1], shapes[2], shapes[3], shapes[4]);
    }

    /// <summary>Disposes the generator.</summary>
    [GlobalCleanup]
    public void Cleanup() => generator.Dispose();

    /// <summary>Baseline: 8192 bare Gamma draws with backward.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Gamma")]
    public void StandardGamma1() => BareGamma(baselineShapes[0]);

    /// <summary>Gamma(shape, 1) draws with backward.</summary>
    [Benchmark, BenchmarkCategory("Gamma")]
    public void Gamma() => Backward(() => gamma.RSample(null, generator));

    /// <summary>Baseline: 2 x 8192 bare Gamma draws with backward.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Beta")]
    public void StandardGamma2() => BareGamma(baselineShapes[1]);

    /// <summary>Beta draws (2 Gammas each) with backward.</summary>
    [Benchmark, BenchmarkCategory("Beta")]
    public void Beta() => Backward(() => beta.RSample(null, generator));

    /// <summary>Baseline: 3 x 8192 bare Gamma draws with backward.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("BivariateBeta")]
    public void StandardGamma3() => BareGamma(baselineShapes[2]);

    /// <summary>Olkin-Liu pairs (3 Gammas each) with backward.</summary>
    [Benchmark, BenchmarkCategory("BivariateBeta")]
    public void BivariateBeta()
    {
        using var scope = torch.NewDisposeScope();
        var (x, y) = bivariate.RSample(null, generator);
        (x.sum() + y.sum()).backward();
    }

    /// <summary>Baseline: 5 x 8192 bare Gamma draws with backward.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("BivariateBeta5")]
    public void StandardGamma5() => BareGamma(baselineShapes[3]);

    /// <summary>Five-Gamma pairs with backward.</summary>
    [Benchmark, BenchmarkCategory("BivariateBeta5")]
    public void BivariateBeta5()
    {
        using var scope = torch.NewDisposeScope();
        var (x, y) = bivariate5.RSample(null, generator);
        (x.sum() + y.sum()).backward();
    }

    private void BareGamma(Tensor[] alphas)
    {
        using var scope = torch.NewDisposeScope();
        Tensor? loss = null;
        foreach (var a in alphas)
        {
            var s = torch._standard_gamma(a, generator).sum();
            loss = loss is null ? s : loss + s;
        }

        loss!.backward();
    }

    private static void Backward(Func<Tensor> draw)
    {
        using var scope = torch.NewDisposeScope();
        draw().sum().backward();
    }
}
