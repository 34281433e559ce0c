using TorchSharp;
using static TorchSharp.torch;
using static GateDsl.Distributions.Tests.TestTensors;

namespace GateDsl.Distributions.Tests;

/// <summary>
/// Sample moments against closed forms. Every check is a two-sided CLT bound of Z = 6.30 standard
/// errors (the standard error of the sample mean from the exact variance; of the sample variance from
/// the sample fourth central moment; of E[XY] and of -mean log p from the sample): nominal
/// false-failure probability <see cref="TestBudget.Alpha"/> = 3e-10 per check, registered as it runs
/// (asymptotic; see TestBudget for the headroom). The draws keep the resolution of the former
/// 5 standard errors at 200,000 draws (0.0112 standard deviations): N = (Z / 0.0112)^2 = 317,398 (Z rounded up to 6.29878).
/// Seeds are fixed; the bounds were set before running and not tuned.
/// </summary>
public sealed class MomentTests
{
    private const double Z = TestBudget.Z;
    private static readonly int N = TestBudget.CltSize(5.0 / Math.Sqrt(200_000));

    private static void AssertMeanAndVariance(Tensor draws, double mean, double variance, string what)
    {
        var x = draws.detach().to(ScalarType.Float64).reshape(-1);
        var n = x.shape[0];
        var m = Scalar(x.mean());
        TestBudget.Check(Math.Abs(m - mean) < Z * Math.Sqrt(variance / n), $"mean {what}: sample {m}, exact {mean}, bound {Z * Math.Sqrt(variance / n)}");
        var centered = x - m;
        var s2 = Scalar(centered.square().mean());
        var m4 = Scalar(centered.pow(4).mean());
        var se = Math.Sqrt(Math.Max(m4 - s2 * s2, 0.0) / n);
        TestBudget.Check(Math.Abs(s2 - variance) < Z * se, $"variance {what}: sample {s2}, exact {variance}, bound {Z * se}");
    }

    public static TheoryData<string> Univariate() => new()
    {
        "Gamma", "Beta", "Kumaraswamy", "RelaxedBernoulli", "LogitNormal", "Logistic", "Uniform", "Normal",
    };

    [Theory]
    [MemberData(nameof(Univariate))]
    public void UnivariateSampleMomentsMatchClosedForms(string name)
    {
        var entry = Catalogue.Get(name);
        var d = (Distribution)entry.Create(entry.Values.Select(v => Const(v)).ToArray());
        using var g = Seeded(100);
        var x = d.Sample([N], g);
        AssertMeanAndVariance(x, Scalar(d.Mean), Scalar(d.Variance), name);
    }

    [Fact]
    public void SmallShapeBetaMomentsMatch()
    {
        var d = new Beta(Const(0.05), Const(0.2));
        using var g = Seeded(101);
        AssertMeanAndVariance(d.Sample([N], g), Scalar(d.Mean), Scalar(d.Variance), "Beta(0.05, 0.2)");
    }

    [Theory]
    [InlineData(2.0, 3.0, 1.5)]
    [InlineData(0.7, 1.2, 2.0)]
    [InlineData(0.1, 0.3, 0.2)]
    public void BivariateBetaMarginalsAndProductMomentMatchExactValues(double a, double b, double c)
    {
        var d = new BivariateBeta(Const(a), Const(b), Const(c));
        using var g = Seeded(102);
        var (x, y) = d.Sample([N], g);
        AssertMeanAndVariance(x, a / (a + c), Scalar(new Beta(Const(a), Const(c)).Variance), "X ~ Beta(a, c)");
        AssertMeanAndVariance(y, b / (b + c), Scalar(new Beta(Const(b), Const(c)).Variance), "Y ~ Beta(b, c)");
        var xy = x * y;
        var exy = Scalar(d.ExpectedProduct());
        var mean = Scalar(xy.mean());
        var se = Scalar(xy.std()) / Math.Sqrt(N);
        TestBudget.Check(Math.Abs(mean - exy) < Z * se, $"E[XY]: sample {mean}, exact {exy}, bound {Z * se}");
    }

    [Fact]
    public void BivariateBeta5MarginalsAreTheStatedBetas()
    {
        double[] s = [0.9, 1.3, 0.6, 0.8, 1.1];
        var d = new BivariateBeta5(Const(s[0]), Const(s[1]), Const(s[2]), Const(s[3]), Const(s[4]));
        using var g = Seeded(103);
        var (i, f) = d.Sample([N], g);
        var bi = new Beta(Const(s[0] + s[2]), Const(s[3] + s[4]));
        var bf = new Beta(Const(s[1] + s[3]), Const(s[2] + s[4]));
        AssertMeanAndVariance(i, Scalar(bi.Mean), Scalar(bi.Variance), "I ~ Beta(a1+a3, a4+a5)");
        AssertMeanAndVariance(f, Scalar(bf.Mean), Scalar(bf.Variance), "F ~ Beta(a2+a4, a3+a5)");
        Assert.Equal(Scalar(bi.Mean), Scalar(d.MarginalX.Mean), 12);
        Assert.Equal(Scalar(bf.Variance), Scalar(d.MarginalY.Variance), 12);
    }

    public static TheoryData<string> WithEntropy() => new() { "Gamma", "Beta", "Kumaraswamy", "Logistic", "Uniform", "Normal" };

    /// <summary>Closed-form entropy against -mean log p over draws (Z standard errors, alpha 3e-10).</summary>
    [Theory]
    [MemberData(nameof(WithEntropy))]
    public void EntropyMatchesMonteCarlo(string name)
    {
        var entry = Catalogue.Get(name);
        var d = (Distribution)entry.Create(entry.Values.Select(v => Const(v)).ToArray());
        Assert.True(d.HasEntropy);
        using var g = Seeded(104);
        var lp = d.LogProb(d.Sample([N], g));
        var mc = -Scalar(lp.mean());
        var se = Scalar(lp.std()) / Math.Sqrt(N);
        var exact = Scalar(d.Entropy());
        TestBudget.Check(Math.Abs(mc - exact) < Z * se + 1e-12, $"entropy {name}: {exact}, Monte Carlo {mc}, bound {Z * se}");
    }

    [Fact]
    public void ModesAreWhereDefined()
    {
        Assert.Equal(0.2, Scalar(new Beta(Const(2.0), Const(5.0)).Mode), 12);
        Assert.Equal(0.0, Scalar(new Beta(Const(0.5), Const(2.0)).Mode), 12);
        Assert.True(double.IsNaN(Scalar(new Beta(Const(0.5), Const(0.5)).Mode)));
        Assert.Equal(1.5, Scalar(new Gamma(Const(4.0), Const(2.0)).Mode), 12);
        Assert.Equal(Math.Pow(1.0 / 5.0, 0.5), Scalar(new Kumaraswamy(Const(2.0), Const(3.0)).Mode), 12);
        Assert.Equal(0.3, Scalar(new Normal(Const(0.3), Const(2.0)).Mode), 12);
        Assert.False(new Uniform(Const(0.0), Const(1.0)).HasMode);
        Assert.Throws<NotSupportedException>(() => new LogitNormal(Const(0.0), Const(1.0)).Mode);
    }
}
