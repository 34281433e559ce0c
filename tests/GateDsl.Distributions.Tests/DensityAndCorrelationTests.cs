using TorchSharp;
using static TorchSharp.torch;
using static GateDsl.Distributions.Tests.TestTensors;

namespace GateDsl.Distributions.Tests;

/// <summary>Log densities against hand-computed values and normalisation; Olkin-Liu correlation against the checked values.
/// Statistical checks go through <see cref="TestBudget.Check(bool, string)"/> at 3e-10 each (registered as they run).</summary>
public sealed class DensityAndCorrelationTests
{
    /// <summary>Draws for the small-shape E[XY]: the former 5 standard errors at 400,000 draws kept at Z = 6.30.</summary>
    private static readonly int SmallShapeDraws = TestBudget.CltSize(5.0 / Math.Sqrt(400_000));

    /// <summary>Batches of 10,000 draws for the 5G correlation: t_49 / sqrt(50) = 1.113 batch sd, within the former t-bound's 5 / sqrt(20) = 1.118.</summary>
    private const int Batches = 50;

    [Fact]
    public void UnivariateLogDensitiesMatchHandValues()
    {
        // Beta(2,3) at 0.4: 12 * 0.4 * 0.6^2.
        Assert.Equal(Math.Log(12 * 0.4 * 0.36), Scalar(new Beta(Const(2.0), Const(3.0)).LogProb(Const(0.4))), 10);
        // Gamma(3, 2) at 1.5: 2^3 1.5^2 e^-3 / 2.
        Assert.Equal(Math.Log(8 * 2.25 * Math.Exp(-3.0) / 2.0), Scalar(new Gamma(Const(3.0), Const(2.0)).LogProb(Const(1.5))), 10);
        // Kumaraswamy(2,3) at 0.5: 6 * 0.5 * 0.75^2.
        Assert.Equal(Math.Log(6 * 0.5 * 0.5625), Scalar(new Kumaraswamy(Const(2.0), Const(3.0)).LogProb(Const(0.5))), 10);
        // Logistic(0,1) at 0: 1/4.
        Assert.Equal(Math.Log(0.25), Scalar(new Logistic(Const(0.0), Const(1.0)).LogProb(Const(0.0))), 10);
        Assert.Equal(-Math.Log(3.0), Scalar(new Uniform(Const(-1.0), Const(2.0)).LogProb(Const(0.0))), 10);
        Assert.Equal(-0.5 * Math.Log(2 * Math.PI) - 0.5, Scalar(new Normal(Const(0.0), Const(1.0)).LogProb(Const(1.0))), 10);
        // RelaxedBernoulli with temperature 1 and logits 0 is Uniform(0,1): sigmoid of a logistic.
        Assert.Equal(0.0, Scalar(new RelaxedBernoulli(Const(1.0), Const(0.0)).LogProb(Const(0.3))), 10);
        // LogitNormal(0,1) at 0.5: N(0;0,1) / (0.5 * 0.5).
        Assert.Equal(-0.5 * Math.Log(2 * Math.PI) + Math.Log(4.0), Scalar(new LogitNormal(Const(0.0), Const(1.0)).LogProb(Const(0.5))), 10);
    }

    /// <summary>Midpoint rule on a 200 x 200 grid of the open square; the density is smooth there for these shapes.</summary>
    [Fact]
    public void OlkinLiuDensityIntegratesToOneAndHasTheBetaMarginal()
    {
        const int k = 200;
        var d = new BivariateBeta(Const(2.0), Const(3.0), Const(1.5));
        var nodes = (torch.arange(k, ScalarType.Float64) + 0.5) / k;
        var x = nodes.reshape(k, 1).expand(k, k);
        var y = nodes.reshape(1, k).expand(k, k);
        var density = d.LogProb(x, y).exp();
        Assert.Equal(1.0, Scalar(density.sum()) / (k * k), 3);
        // Integrating out y at x = nodes[60] gives the Beta(a, c) density there.
        var marginal = Scalar(density[60].sum()) / k;
        var exact = Math.Exp(Scalar(new Beta(Const(2.0), Const(1.5)).LogProb(nodes[60])));
        Assert.Equal(exact, marginal, 3);
    }

    [Fact]
    public void OlkinLiuCorrelationMatchesCheckedValues()
    {
        var d = new BivariateBeta(Const([2.0, 0.7]), Const([3.0, 1.2]), Const([1.5, 2.0]));
        Assert.Equal(0.408277, Scalar(d.ExpectedProduct()[0]), 6);
        var rho = Values(d.Correlation());
        Assert.Equal(0.583, rho[0], 3);
        Assert.Equal(0.326, rho[1], 3);
    }

    /// <summary>A gate-sized batch (32 x 256) of correlations is computed per element and agrees with scalar calls.</summary>
    [Fact]
    public void OlkinLiuCorrelationHandlesAGateSizedBatch()
    {
        using var g = Seeded(8);
        var shapes = torch.rand([3, 32, 256], ScalarType.Float64, generator: g) * 3.0 + 1e-3;
        var d = new BivariateBeta(shapes[0], shapes[1], shapes[2]);
        var rho = d.Correlation();
        Assert.Equal(new long[] { 32, 256 }, rho.shape);
        Assert.True(rho.gt(0.0).all().item<bool>() && rho.lt(1.0).all().item<bool>());
        var one = new BivariateBeta(shapes[0][7, 100], shapes[1][7, 100], shapes[2][7, 100]);
        Assert.Equal(Scalar(one.Correlation()), Scalar(rho[7, 100]), 12);
    }

    [Fact]
    public void OlkinLiuCorrelationSeriesConvergesForSmallShapes()
    {
        // b + c small: slowly decaying series, handled by the tail term; check against a large sample.
        var (a, b, c) = (0.5, 0.05, 0.05);
        var d = new BivariateBeta(Const(a), Const(b), Const(c));
        using var g = Seeded(7);
        var (x, y) = d.Sample([SmallShapeDraws], g);
        var xy = x * y;
        var se = Scalar(xy.std()) / Math.Sqrt(SmallShapeDraws);
        // CLT, Z = 6.30 standard errors: false-failure probability 3e-10.
        TestBudget.Check(Math.Abs(Scalar(xy.mean()) - Scalar(d.ExpectedProduct())) < TestBudget.Z * se, "Olkin-Liu E[XY] at small shapes");
        var rho = Scalar(d.Correlation());
        Assert.InRange(rho, 0.0, 1.0);
    }

    [Fact]
    public void FiveGammaCorrelationReducesToOlkinLiuAndCanBeNegative()
    {
        // With G3, G4 ~ Ga(1e-4) the 5G pair is almost the 3G pair (a1, a2, a5), rho = 0.5827245; its
        // exact value is 0.5826389 (the Laplace identity of docs/reference-methods.md integrated with
        // mpmath; 0.5827245 at a3 = a4 = 0, the Olkin-Liu value). Batch means: 50 independent estimates
        // of 10,000 draws each give a mean and a standard error from their spread; bound t_49 = 7.87
        // standard errors (two-sided 3e-10, the batch estimates being close to normal), a resolution of
        // 1.113 batch sd as the former 5 standard errors of 20 batches (t_19, about 8e-5) had 1.118.
        // Seeds 100..149.
        var reduced = new BivariateBeta5(Const(2.0), Const(3.0), Const(1e-4), Const(1e-4), Const(1.5));
        var estimates = Enumerable.Range(0, Batches).Select(k => Scalar(reduced.Correlation(10_000, 100 + k))).ToArray();
        var mean = estimates.Average();
        var se = Math.Sqrt(estimates.Sum(e => (e - mean) * (e - mean)) / (Batches - 1.0) / Batches);
        TestBudget.Check(Math.Abs(mean - 0.5826389) < TestBudget.T49 * se, $"5G reduced to 3G: {mean} +- {se}, exact 0.5826389");
        // The batch sd is about 0.0068 (delta method, measured in a simulation of 200,000 draws), so se is
        // about 0.00096: exceeding 0.005 needs a sample variance 27 times the true one (chi-square, 49 df),
        // probability below 1e-100.
        TestBudget.Check(se < 0.005, $"5G batch standard error {se} of 10,000-draw estimates averaged over {Batches}");
        // Heavy G3, G4 and light G5 push the correlation negative: rho = -0.81126 (same mpmath integral).
        // Each of the next three checks is far below 3e-10: the 200,000-draw estimate has standard error
        // 0.00094 (delta method), so < -0.2 is 650 of them away; each 500-draw element has standard error
        // 0.019, so > 0 is 43 of them away for each of the 8192 elements; the batch mean (standard error
        // 0.00021, bias of r at n = 500 about 3e-4) and the scalar call differ by more than 0.01 only at
        // about 9 standard errors of their difference (probability about 1e-19).
        var negative = new BivariateBeta5(Const(1.0), Const(1.0), Const(3.0), Const(3.0), Const(0.1));
        TestBudget.Check(Scalar(negative.Correlation()) < -0.2, "5G correlation negative (200,000 draws)");
        // A gate-sized batch is drawn in chunks (memory stays bounded) and agrees with a scalar call on the same seed's law.
        var batch = new BivariateBeta5(torch.full([32, 256], 1.0, ScalarType.Float32), Const(1.0), Const(3.0), Const(3.0), Const(0.1));
        // 500 draws per element: standard error about 0.04 per element, 0.0005 for the mean of 8192 elements.
        var rhoBatch = batch.Correlation(500, 5);
        Assert.Equal(new long[] { 32, 256 }, rhoBatch.shape);
        TestBudget.Check(rhoBatch.lt(0.0).all().item<bool>(), "5G batch correlations all negative");
        TestBudget.Check(Math.Abs(Scalar(rhoBatch.mean()) - Scalar(negative.Correlation())) <= 0.01, "5G batch mean correlation agrees with the scalar call");
        // Deterministic for a given seed, and the seed is what draws (another seed gives another estimate).
        Assert.Equal(Scalar(negative.Correlation(20_000, 1)), Scalar(negative.Correlation(20_000, 1)));
        Assert.NotEqual(Scalar(negative.Correlation(20_000, 1)), Scalar(negative.Correlation(20_000, 2)));
    }
}
