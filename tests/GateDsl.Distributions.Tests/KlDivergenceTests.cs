using TorchSharp;
using static TorchSharp.torch;
using static GateDsl.Distributions.Tests.TestTensors;

namespace GateDsl.Distributions.Tests;

/// <summary>
/// Closed-form KL against the Monte Carlo estimate with a bound of Z = 6.30 standard errors (CLT,
/// nominal false-failure probability <see cref="TestBudget.Alpha"/> = 3e-10 per check; the two
/// one-sided checks, joint-rule bound and fallback not negative, 1.5e-10, registered at 3e-10), the method
/// flags, and the upper-bound property of the joint rule. Draws keep the resolution of the former
/// 5 standard errors: 100,000 -> 158,699 and 50,000 -> 79,350.
/// </summary>
public sealed class KlDivergenceTests
{
    private const double Z = TestBudget.Z;
    private static readonly int Samples = TestBudget.CltSize(5.0 / Math.Sqrt(100_000));
    private static readonly int FallbackSamples = TestBudget.CltSize(5.0 / Math.Sqrt(50_000));

    private static void AssertAgrees(KlResult closed, KlResult mc, double extra, string what)
    {
        var v = Scalar(closed.Value);
        var m = Scalar(mc.Value);
        var se = Scalar(mc.StandardError!);
        TestBudget.Check(Math.Abs(v - m) < Z * se + extra, $"KL {what}: closed form {v}, Monte Carlo {m} +- {se}");
    }

    public static TheoryData<string, Func<IGateDistribution>, Func<IGateDistribution>> ExactPairs() => new()
    {
        { "Gamma", () => new Gamma(Const(2.0), Const(1.5)), () => new Gamma(Const(0.5), Const(1.0)) },
        { "Beta", () => new Beta(Const(2.0), Const(3.0)), () => new Beta(Const(0.7), Const(1.4)) },
        { "Normal", () => new Normal(Const(0.3), Const(0.8)), () => new Normal(Const(-0.5), Const(1.7)) },
    };

    [Theory]
    [MemberData(nameof(ExactPairs))]
    public void ExactClosedFormsAgreeWithMonteCarlo(string name, Func<IGateDistribution> p, Func<IGateDistribution> q)
    {
        var (dp, dq) = (p(), q());
        var closed = KlDivergence.Compute(dp, dq);
        Assert.True(closed.IsExact, name);
        Assert.False(closed.IsMonteCarlo);
        using var g = Seeded(21);
        AssertAgrees(closed, KlDivergence.MonteCarlo(dp, dq, Samples, g), 0.0, name);
        Assert.Equal(0.0, Scalar(KlDivergence.Compute(dp, dp).Value), 10);
    }

    [Fact]
    public void PaperPriorKlMatchesTheFormulaInThePaper()
    {
        // KL(Ga(a,1) || Ga(0.5,1)) = (a - 0.5) digamma(a) - lgamma(a) + lgamma(0.5).
        var a = 1.7;
        var kl = Scalar(KlDivergence.Compute(new Gamma(Const(a), Const(1.0)), new Gamma(Const(0.5), Const(1.0))).Value);
        var expected = Scalar((a - 0.5) * Const(a).digamma() - Const(a).lgamma() + Const(0.5).lgamma());
        Assert.Equal(expected, kl, 12);
    }

    /// <summary>
    /// The closed-form terms plus the quadrature of E[log(1 - X)] are accurate to about 1e-12 for these
    /// shapes (against mpmath, see <see cref="KumaraswamyBetaMatchesHighPrecisionReference"/>); 1e-3 is
    /// allowed on top of the Monte Carlo bound.
    /// </summary>
    [Theory]
    [InlineData(2.0, 2.0, 3.0, 2.0)]
    [InlineData(0.8, 1.5, 1.0, 3.0)]
    public void KumaraswamyBetaAgreesWithMonteCarlo(double a, double b, double alpha, double beta)
    {
        var p = new Kumaraswamy(Const(a), Const(b));
        var q = new Beta(Const(alpha), Const(beta));
        var closed = KlDivergence.Compute(p, q);
        Assert.Equal(KlMethod.Quadrature, closed.Method);
        using var g = Seeded(22);
        AssertAgrees(closed, KlDivergence.MonteCarlo(p, q, Samples, g), 1e-3, "Kumaraswamy||Beta");
        Assert.True(Scalar(closed.Value) > 0.0);
    }

    /// <summary>
    /// Reference values from mpmath 1.3.0 at 40 digits: E[log(1 - X)] = b int_0^1 log(1 - y^(1/a)) (1-y)^(b-1) dy
    /// (Y = X^a ~ Beta(1, b)) by mp.quad, put into Nalisnick and Smyth's closed-form terms. The third case is
    /// issue 9's: a = 200 is where the old 100-term series with a power-law remainder gave 24.4783.
    /// </summary>
    [Theory]
    [InlineData(2.0, 2.0, 3.0, 2.0, 0.068054377998557)]
    [InlineData(0.8, 1.5, 1.0, 3.0, 0.167831111482574)]
    [InlineData(200.0, 1.0, 1.0, 5.0, 26.2060032465997)]
    public void KumaraswamyBetaMatchesHighPrecisionReference(double a, double b, double alpha, double beta, double expected)
    {
        var kl = KlDivergence.Compute(new Kumaraswamy(Const(a), Const(b)), new Beta(Const(alpha), Const(beta)));
        Assert.InRange(Scalar(kl.Value), expected * (1 - 1e-12), expected * (1 + 1e-12));
    }

    [Fact]
    public void JointRuleIsAnUpperBoundOnTheMonteCarloKl()
    {
        var p = new BivariateBeta(Const(2.0), Const(3.0), Const(1.5));
        var q = new BivariateBeta(Const(0.7), Const(1.2), Const(2.0));
        var bound = KlDivergence.Compute(p, q);
        Assert.True(bound.IsUpperBound);
        using var g = Seeded(23);
        var mc = KlDivergence.MonteCarlo(p, q, Samples, g);
        TestBudget.Check(Scalar(mc.Value) - Z * Scalar(mc.StandardError!) <= Scalar(bound.Value),
            $"KL joint rule is an upper bound: bound {Scalar(bound.Value)} below Monte Carlo {Scalar(mc.Value)}");
        var sum = new[] { (2.0, 0.7), (3.0, 1.2), (1.5, 2.0) }
            .Sum(t => Scalar(KlDivergence.Compute(new Gamma(Const(t.Item1), Const(1.0)), new Gamma(Const(t.Item2), Const(1.0))).Value));
        Assert.Equal(sum, Scalar(bound.Value), 10);

        var p5 = new BivariateBeta5(Const(1.0), Const(2.0), Const(0.5), Const(0.7), Const(1.1));
        Assert.True(KlDivergence.Compute(p5, p5).IsUpperBound);
        Assert.Equal(0.0, Scalar(KlDivergence.Compute(p5, p5).Value), 12);
    }

    [Fact]
    public void UnregisteredPairFallsBackToMonteCarloAndSaysSo()
    {
        var p = new Logistic(Const(0.0), Const(1.0));
        var q = new Normal(Const(0.0), Const(1.8));
        Assert.False(KlDivergence.HasClosedForm(p, q));
        using var g = Seeded(24);
        var r = KlDivergence.Compute(p, q, FallbackSamples, g);
        Assert.True(r.IsMonteCarlo);
        Assert.False(r.IsExact);
        Assert.Equal(FallbackSamples, r.Samples);
        Assert.NotNull(r.StandardError);
        TestBudget.Check(Scalar(r.Value) > -Z * Scalar(r.StandardError!), "KL Monte Carlo fallback is not negative");
    }

    [Fact]
    public void KlGradientsReachParameters()
    {
        var a = Leaf(1.3);
        var kl = KlDivergence.Compute(new Gamma(a, Const(1.0)), new Gamma(Const(0.5), Const(1.0))).Value;
        kl.backward();
        Assert.True(AllFinite(a.grad!));
        Assert.NotEqual(0.0, Scalar(a.grad!));
    }
}
