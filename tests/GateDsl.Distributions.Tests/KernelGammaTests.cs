using GateDsl.Distributions.Kernels;
using GateDsl.Reference;
using TorchSharp;
using static TorchSharp.torch;
using static GateDsl.Distributions.Tests.TestTensors;

namespace GateDsl.Distributions.Tests;

/// <summary>
/// The kernel Gamma sampler (src/GateDsl.Distributions/Kernels): its law against the MathNet reference
/// CDF, its implicit gradient against GateDsl.Reference's finite-difference reference and against
/// mpmath, reproducibility at any thread count, autograd wiring and parameter errors.
/// </summary>
public sealed class KernelGammaTests
{
    /// <summary>False-failure probability of the pooled probability-integral-transform KS check (below the project's per-check alpha to keep the headroom).</summary>
    public const double LawAlpha = 1e-10;

    private static readonly double[] LawShapes = [1e-3, 0.05, 0.3, 1, 2.5, 10, 150, 1e4];

    private const int DrawsPerShape = 8000;

    /// <summary>
    /// F(G) for G ~ Gamma(alpha) is uniform; pooled over shapes (a mixture of uniforms is uniform,
    /// draws independent) its KS distance to U(0,1) stays within the DKW band
    /// eps = sqrt(ln(2/alpha)/(2n)) = 0.0136 at n = 64,000 and alpha = 1e-10. The draws come in log
    /// space; below 1e-300 the CDF is its leading term x^a / Gamma(a+1), relative error O(x).
    /// </summary>
    [Fact]
    public void Draws_follow_the_Gamma_law_from_tiny_to_large_shapes()
    {
        var pit = new List<double>();
        ulong offset = 0;
        foreach (double a in LawShapes)
        {
            var alpha = new double[DrawsPerShape];
            Array.Fill(alpha, a);
            var logG = new double[DrawsPerShape];
            var grad = new double[DrawsPerShape];
            KernelGamma.Sample(alpha, logG, grad, seed: 20261130, offset, logSpace: true);
            offset += DrawsPerShape;
            var reference = new GammaReference(a);
            double logGammaAPlus1 = ScalarSpecialFunctions.LogGamma(a + 1);
            foreach (double l in logG)
            {
                pit.Add(l < -690 ? Math.Exp(a * l - logGammaAPlus1) : reference.Cdf(Math.Exp(l)));
            }
        }

        pit.Sort();
        int n = pit.Count;
        double d = 0;
        for (int i = 0; i < n; i++)
        {
            d = Math.Max(d, Math.Max((i + 1.0) / n - pit[i], pit[i] - (double)i / n));
        }

        double eps = Math.Sqrt(Math.Log(2.0 / LawAlpha) / (2.0 * n));
        TestBudget.Check(d < eps, LawAlpha, $"kernel Gamma law: KS distance of the pooled PIT {d}, DKW bound {eps} (false-failure probability {LawAlpha})");
    }

    /// <summary>
    /// Against GateDsl.Reference.ImplicitGradient (Richardson-extrapolated central differences of the
    /// MathNet CDF, about 1e-8 relative for shapes in [0.3, 20]) at quantiles 0.01..0.99. Deterministic.
    /// </summary>
    [Theory]
    [InlineData(0.3)]
    [InlineData(0.7)]
    [InlineData(1.0)]
    [InlineData(1.5)]
    [InlineData(3.0)]
    [InlineData(8.0)]
    [InlineData(20.0)]
    public void Gradient_matches_the_reference_implicit_gradient(double alpha)
    {
        var reference = new GammaReference(alpha);
        foreach (double p in new[] { 0.01, 0.1, 0.5, 0.9, 0.99 })
        {
            double x = reference.Quantile(p);
            double expected = ImplicitGradient.Compute(reference, x, 0);
            double actual = GammaShapeDerivative.OfDraw(alpha, x);
            Assert.True(Math.Abs(actual - expected) <= 1e-6 * Math.Abs(expected), $"alpha {alpha}, x {x} (p {p}): kernel {actual}, reference {expected}");
        }
    }

    /// <summary>
    /// d ln x / d alpha at extreme shapes and draws, against mpmath (50 digits: -(dP/da)/(f x) with
    /// mpmath.diff of the regularized incomplete gamma), including a draw far below the smallest double.
    /// </summary>
    [Theory]
    [InlineData(1e-3, -460.0, 459424.42806818969)]
    [InlineData(1e-3, -5.0, 4461.0689129861185)]
    [InlineData(1e-3, 0.5, 418.81493163544553)]
    [InlineData(0.5, -1.203972804325936, 3.3660064864961822)]
    [InlineData(1.0, 0.69314718055994531, 0.81584573117485038)]
    [InlineData(2.5, -4.6051701859880913, 2.2901968802790316)]
    [InlineData(2.5, 2.4849066497880003, 0.17587346001516669)]
    [InlineData(50.0, 4.0943445622221007, 0.018292993096278778)]
    [InlineData(1e4, 9.2103403719761827, 0.00010000166668333238)]
    [InlineData(1e4, 9.1798811644914742, 0.00010153238375822036)]
    [InlineData(1e4, 9.2398991742177271, 9.8530982929664902e-5)]
    public void Log_gradient_matches_mpmath(double alpha, double logX, double expected)
    {
        double actual = GammaShapeDerivative.OfLogDraw(alpha, logX);
        Assert.True(Math.Abs(actual - expected) <= 1e-10 * Math.Abs(expected), $"alpha {alpha}, ln x {logX}: kernel {actual}, mpmath {expected}");
    }

    [Fact]
    public void Simd_and_scalar_gradients_agree()
    {
        using var g = Seeded(5);
        var alpha = Values(torch.nn.functional.softplus(torch.randn([1001], ScalarType.Float64, generator: g)) + 1.0);
        var logX = Values(torch.randn([1001], ScalarType.Float64, generator: g));
        var psi = alpha.Select(ScalarSpecialFunctions.Digamma).ToArray();
        var batch = new double[alpha.Length];
        GammaShapeDerivative.OfLogDraw(alpha, logX, psi, batch);
        for (int i = 0; i < alpha.Length; i++)
        {
            double scalar = GammaShapeDerivative.OfLogDraw(alpha[i], logX[i], psi[i]);
            Assert.True(Math.Abs(batch[i] - scalar) <= 1e-14 * Math.Abs(scalar), $"element {i}: SIMD {batch[i]}, scalar {scalar}");
        }
    }

    /// <summary>
    /// The span sampler (first tries in bulk, log tests in lanes, replays) must use each element's
    /// stream exactly as the one-element sampler does: same accepted try, same boost word. A changed
    /// stream use gives unrelated draws, far outside rounding; the two differ otherwise only by the
    /// vector and scalar logarithms and digamma (a few ulp), and where ln u falls within an ulp of the
    /// acceptance bound (probability of order 1e-16 per draw).
    /// </summary>
    [Fact]
    public void Span_draws_match_the_one_element_sampler_element_by_element()
    {
        const int n = 2 * StandardGammaKernel.MaxBatch;
        const ulong seed = 99, counterBase = 1_000_000;
        var rng = new Random(21);
        var alpha = Enumerable.Range(0, n).Select(_ => Math.Exp((rng.NextDouble() * 16) - 7)).ToArray(); // 1e-3 .. 1e4
        var logDraw = new double[n];
        var gradient = new double[n];
        // Calls of odd lengths, so that blocks end off the vector width and the scalar tails run too.
        int start = 0;
        foreach (var m in new[] { 1003, 2045, n - 3048 })
        {
            StandardGammaKernel.SampleLog(alpha.AsSpan(start, m), logDraw.AsSpan(start, m), gradient.AsSpan(start, m), seed, counterBase + (ulong)start);
            start += m;
        }

        for (int i = 0; i < n; i++)
        {
            var stream = new CounterStream(seed, counterBase + (ulong)i);
            var expected = StandardGammaKernel.SampleLog(alpha[i], ref stream, out var expectedGradient);
            Assert.True(Math.Abs(logDraw[i] - expected) <= 1e-12 * Math.Max(1.0, Math.Abs(expected)), $"element {i}, alpha {alpha[i]:R}: span ln G {logDraw[i]:R}, one-element {expected:R}");
            Assert.True(Math.Abs(gradient[i] - expectedGradient) <= 1e-9 * Math.Max(1.0, Math.Abs(expectedGradient)), $"element {i}, alpha {alpha[i]:R}: span gradient {gradient[i]:R}, one-element {expectedGradient:R}");
        }
    }

    [Fact]
    public void Same_seed_gives_the_same_draws_at_any_thread_count()
    {
        int saved = KernelParallel.MaxThreads;
        try
        {
            using var g = Seeded(9);
            var alpha = torch.nn.functional.softplus(torch.randn([3, 7001], generator: g)) + 1e-3;
            KernelParallel.MaxThreads = 1;
            var one = KernelGamma.RSample(alpha, 77, 1000);
            KernelParallel.MaxThreads = 2;
            var two = KernelGamma.RSample(alpha, 77, 1000);
            var otherSeed = KernelGamma.RSample(alpha, 78, 1000);
            Assert.True(Equal(one, two), "1 and 2 threads must give bit-identical draws");
            Assert.False(Equal(one, otherSeed), "another seed must give other draws");
        }
        finally
        {
            KernelParallel.MaxThreads = saved;
        }
    }

    [Fact]
    public void Counter_offset_selects_the_same_streams_as_a_longer_call()
    {
        var alpha = Enumerable.Range(0, 50).Select(i => 0.2 + 0.1 * i).ToArray();
        var all = new double[50];
        var grad = new double[50];
        KernelGamma.Sample(alpha, all, grad, 3, 100, logSpace: false);
        var tail = new double[20];
        KernelGamma.Sample(alpha[30..], tail, new double[20], 3, 130, logSpace: false);
        Assert.Equal(all[30..], tail);
    }

    [Theory]
    [InlineData(ScalarType.Float32)]
    [InlineData(ScalarType.Float64)]
    public void Backward_gives_the_kernel_gradient_per_draw(ScalarType dtype)
    {
        var values = new[] { 0.01, 0.4, 1.0, 2.5, 40.0 };
        var alpha = Leaf(values, dtype);
        var draws = KernelGamma.RSample(alpha, 11, 0);
        draws.sum().backward();
        var expectedDraws = new double[values.Length];
        var expectedGrad = new double[values.Length];
        KernelGamma.Sample(values.Select(v => (double)(dtype == ScalarType.Float32 ? (float)v : v)).ToArray(), expectedDraws, expectedGrad, 11, 0, logSpace: false);
        var tolerance = dtype == ScalarType.Float32 ? 1e-6 : 1e-15;
        var actualDraws = Values(draws);
        var actualGrad = Values(alpha.grad!);
        for (int i = 0; i < values.Length; i++)
        {
            Assert.True(Math.Abs(actualDraws[i] - expectedDraws[i]) <= tolerance * expectedDraws[i], $"draw {i}: {actualDraws[i]} vs {expectedDraws[i]}");
            Assert.True(Math.Abs(actualGrad[i] - expectedGrad[i]) <= tolerance * Math.Abs(expectedGrad[i]), $"gradient {i}: {actualGrad[i]} vs {expectedGrad[i]}");
            Assert.True(actualGrad[i] > 0, "a Gamma draw increases with its shape");
        }
    }

    [Fact]
    public void Log_space_draws_stay_finite_where_plain_draws_underflow()
    {
        var alpha = torch.full([4000], 1e-3, ScalarType.Float32).requires_grad_(true);
        var logG = KernelGamma.RSample(alpha, 5, 0, logSpace: true);
        logG.sum().backward();
        Assert.True(AllFinite(logG) && AllFinite(alpha.grad!), "ln G and its gradient must be finite for alpha = 1e-3");
        // Most draws of Gamma(1e-3) are below float32's smallest normal number (P = 0.92).
        Assert.True(Scalar(logG.lt(-87.4).to(ScalarType.Float64).mean()) > 0.5, "the test must exercise underflowing draws");
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(0.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Bad_shapes_get_a_parameter_error(double bad)
    {
        var alpha = Const([1.0, bad]);
        var e = Assert.Throws<DistributionParameterException>(() => KernelGamma.RSample(alpha, 1, 0));
        Assert.Contains("shape", e.Message);
    }

    [Fact]
    public void Non_float_tensors_get_an_argument_error()
    {
        var e = Assert.Throws<ArgumentException>(() => KernelGamma.RSample(torch.ones([3], ScalarType.Int32), 1, 0));
        Assert.Contains("float32 or float64", e.Message);
    }
}
