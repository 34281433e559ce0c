using TorchSharp;
using static TorchSharp.torch;
using static GateDsl.Distributions.Tests.TestTensors;

namespace GateDsl.Distributions.Tests;

/// <summary>
/// Each sampler's law against its exact CDF (Kolmogorov-Smirnov distance of N draws). Bound from the
/// Dvoretzky-Kiefer-Wolfowitz inequality, P(sup |F_n - F| &gt; eps) &lt;= 2 exp(-2 n eps^2)
/// (non-asymptotic), at false-failure probability <see cref="TestBudget.Alpha"/> = 3e-10 per check,
/// registered as it runs. The band keeps the resolution it had at 1e-6 and 20,000 draws
/// (eps = 0.0190): N = ln(2 / alpha) / (2 eps^2) = 31,331. Seeds fixed before running, not tuned.
/// Beta CDFs are closed-form when a shape is 1 (x^a, 1 - (1-x)^b), which also covers the Olkin-Liu
/// marginals with c = 1 and the small-shape (boost) path.
/// </summary>
public sealed class DistributionLawTests
{
    private static readonly int N = TestBudget.DkwSize(0.019);
    private static readonly double Eps = Math.Sqrt(Math.Log(2.0 / TestBudget.Alpha) / (2.0 * N));

    /// <remarks>
    /// Unit-interval draws are clamped to [tiny, 1 - eps] of the dtype (documented in the library), so
    /// the law under test is that of the clamped variable: its CDF is F below 1 - eps and jumps to 1 there
    /// (an atom; ties are handled by comparing the lower side with the left limit F(x-)).
    /// That matters for extreme shapes: Beta(1, 0.01) puts 69% of its mass within 2^-53 of 1.
    /// </remarks>
    private static void AssertLaw(Tensor draws, Func<Tensor, Tensor> cdf, string what, bool unitInterval = false)
    {
        var x = draws.detach().to(ScalarType.Float64).reshape(-1).sort().Values;
        // F(x-) for the lower side; F(x) for the upper side, which is 1 at the clamp's atom.
        var fLeft = cdf(x);
        var f = fLeft;
        if (unitInterval)
        {
            var top = draws.dtype == ScalarType.Float32 ? 1.0 - Math.Pow(2, -24) : 1.0 - Math.Pow(2, -53);
            f = torch.where(x.ge(top), torch.ones_like(f), f);
        }

        var n = x.shape[0];
        var upper = torch.arange(1, n + 1, ScalarType.Float64) / n;
        var lower = torch.arange(0, n, ScalarType.Float64) / n;
        var d = Math.Max(Scalar((upper - f).max()), Scalar((fLeft - lower).max()));
        TestBudget.Check(d < Eps, $"law {what}: KS distance {d}, DKW bound {Eps} (false-failure probability {TestBudget.Alpha})");
    }

    [Fact]
    public void TorchSharpSpecialFunctionsUsedHereAreTheRightOnes()
    {
        // gammainc(1, x) = 1 - e^-x and ndtr(0) = 1/2: guards against mis-bound natives (torch.erfinv computes erf in 0.107).
        Assert.Equal(1.0 - Math.Exp(-0.7), Scalar(torch.special.gammainc(Const(1.0), Const(0.7))), 12);
        Assert.Equal(0.5, Scalar(torch.special.ndtr(Const(0.0))), 12);
    }

    [Theory]
    [InlineData(0.3, 2.0)]
    [InlineData(3.0, 0.5)]
    [InlineData(0.01, 1.0)]
    public void GammaMatchesRegularizedIncompleteGamma(double shape, double rate)
    {
        using var g = Seeded(31);
        var x = new Gamma(Const(shape), Const(rate)).Sample([N], g);
        AssertLaw(x, t => torch.special.gammainc(torch.full_like(t, shape), t * rate), $"Gamma({shape}, {rate})");
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.01)]
    [InlineData(5.0)]
    public void BetaWithUnitSecondShapeIsPowerLaw(double a)
    {
        using var g = Seeded(32);
        AssertLaw(new Beta(Const(a), Const(1.0)).Sample([N], g), t => t.pow(a), $"Beta({a}, 1)", unitInterval: true);
        AssertLaw(new Beta(Const(1.0), Const(a)).Sample([N], g), t => 1.0 - (1.0 - t).pow(a), $"Beta(1, {a})", unitInterval: true);
    }

    [Fact]
    public void OlkinLiuMarginalsWithUnitSharedShape()
    {
        using var g = Seeded(33);
        var (x, y) = new BivariateBeta(Const(0.3), Const(2.0), Const(1.0)).Sample([N], g);
        AssertLaw(x, t => t.pow(0.3), "X ~ Beta(0.3, 1)", unitInterval: true);
        AssertLaw(y, t => t.pow(2.0), "Y ~ Beta(2, 1)", unitInterval: true);
    }

    [Fact]
    public void FiveGammaMarginalsWithUnitDenominatorShape()
    {
        // I ~ Beta(a1+a3, a4+a5) = Beta(0.7, 1) and F ~ Beta(a2+a4, a3+a5) = Beta(1, 0.9).
        using var g = Seeded(34);
        var (i, f) = new BivariateBeta5(Const(0.4), Const(0.6), Const(0.3), Const(0.4), Const(0.6)).Sample([N], g);
        AssertLaw(i, t => t.pow(0.7), "I ~ Beta(0.7, 1)", unitInterval: true);
        AssertLaw(f, t => 1.0 - (1.0 - t).pow(0.9), "F ~ Beta(1, 0.9)", unitInterval: true);
    }

    [Fact]
    public void KumaraswamyMatchesItsCdf()
    {
        using var g = Seeded(35);
        AssertLaw(new Kumaraswamy(Const(0.5), Const(3.0)).Sample([N], g), t => 1.0 - (1.0 - t.pow(0.5)).pow(3.0), "Kumaraswamy(0.5, 3)", unitInterval: true);
    }

    [Fact]
    public void RelaxedBernoulliMatchesItsCdf()
    {
        // P(X <= x) = P(L <= t logit(x) - logits) = sigmoid(t logit(x) - logits).
        using var g = Seeded(36);
        var (t, l) = (0.4, 0.7);
        AssertLaw(new RelaxedBernoulli(Const(t), Const(l)).Sample([N], g), x => torch.sigmoid(t * torch.logit(x) - l), "RelaxedBernoulli(0.4, 0.7)", unitInterval: true);
    }

    [Fact]
    public void LogitNormalLogisticNormalAndUniformMatchTheirCdfs()
    {
        using var g = Seeded(37);
        AssertLaw(new LogitNormal(Const(0.3), Const(1.5)).Sample([N], g), x => torch.special.ndtr((torch.logit(x) - 0.3) / 1.5), "LogitNormal(0.3, 1.5)", unitInterval: true);
        AssertLaw(new Logistic(Const(-1.0), Const(0.5)).Sample([N], g), x => torch.sigmoid((x + 1.0) / 0.5), "Logistic(-1, 0.5)");
        AssertLaw(new Normal(Const(2.0), Const(3.0)).Sample([N], g), x => torch.special.ndtr((x - 2.0) / 3.0), "Normal(2, 3)");
        AssertLaw(new Uniform(Const(-1.0), Const(2.0)).Sample([N], g), x => (x + 1.0) / 3.0, "Uniform(-1, 2)");
    }
}
