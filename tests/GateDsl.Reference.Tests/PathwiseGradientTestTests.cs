using GateDsl.Reference;
using MathNet.Numerics.Distributions;
using Xunit.Abstractions;

namespace GateDsl.Reference.Tests;

/// <summary>
/// The pathwise gradient test on Gamma-ratio gradients: one null check (false failure
/// <see cref="TestBudget.Alpha"/> = 5e-10, CLT) and one power check (miss <see cref="TestBudget.Beta"/>
/// = 1e-9), both registered in <see cref="TestBudget"/> as they run.
/// </summary>
public sealed class PathwiseGradientTestTests(ITestOutputHelper output)
{
    private const double Alpha = TestBudget.Alpha;

    // Derived: the test's threshold on each studentized mean is z_(Alpha/6) (two-sided, Bonferroni
    // alpha/3), so a mean shift of d per-draw sd reaches it when d = z / sqrt(n). Resolving d = 0.03
    // takes n = (z / 0.03)^2 = 45,359 at 5e-10 (z = 6.39); the former n = 2e4 at 1e-4 (z = 4.15)
    // resolved 0.029.
    private static readonly int N = (int)Math.Ceiling(Math.Pow(-Normal.InvCDF(0, 1, Alpha / 6) / 0.03, 2));

    [Fact]
    public void Gamma_ratio_gradients_match_the_marginal_reference_in_conditional_mean()
    {
        // X = U/(U+W), U ~ Ga(a), W ~ Ga(c): per-sample dX/da = W/(U+W)^2 dU/da with dU/da the Gamma
        // implicit gradient; the marginal reference is that of Beta(a, c). False-failure 5e-10 (CLT).
        const double a = 1.7, c = 0.9;
        var (xs, gs) = GammaRatio(a, c, seed: 61, N);
        var beta = new BetaReference(a, c);
        var r = PathwiseGradientTest.Check(xs, gs, x => ImplicitGradient.Compute(beta, x, 0), Alpha);
        TestBudget.Check(r, "null: Gamma-ratio gradients pass the pathwise gradient test");
    }

    [Fact]
    public void A_wrong_reference_is_caught()
    {
        // Held against the reference of Beta(a + 0.3, c). The phi = 1 component alone must see it:
        // shift delta = E[g - r_wrong(X)] and per-draw sd of g - r_wrong(X) come from 2-D quadrature
        // over (U, W); n follows from the CLT power formula at alpha/3 (the Bonferroni share) and a
        // miss probability of Beta = 1e-9.
        const double a = 1.7, c = 0.9;
        var gammaU = new GammaReference(a);
        var gammaW = new GammaReference(c);
        var wrong = new BetaReference(a + 0.3, c);
        double Wrong(double x) => x > 0 && x < 1 && wrong.Pdf(x) > 0 ? ImplicitGradient.Compute(wrong, x, 0) : 0;
        double Moment(int power) => Quadrature.Expectation(gammaU, u =>
        {
            double du = ImplicitGradient.Compute(gammaU, u, 0);
            return Quadrature.Expectation(gammaW, w => Math.Pow(w / ((u + w) * (u + w)) * du - Wrong(u / (u + w)), power), 1e-8);
        }, 1e-8);
        double delta = Math.Abs(Moment(1));
        double sd = Math.Sqrt(Moment(2) - delta * delta);
        int n = MomentTest.SampleSizeForPower(delta, sd, Alpha / 3, TestBudget.Beta);

        var (xs, gs) = GammaRatio(a, c, seed: 62, n);
        var r = PathwiseGradientTest.Check(xs, gs, Wrong, Alpha);
        output.WriteLine($"delta={delta:G3}, sd={sd:G3}, n={n}: {r}");
        TestBudget.Caught(r, TestBudget.Beta, $"power: wrong gradient reference, delta={delta:G3}, sd={sd:G3}, n={n}");
    }

    [Fact]
    public void Mismatched_lengths_are_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => PathwiseGradientTest.Check([0.1, 0.2], [1.0], x => x, Alpha));
        Assert.Equal("gradients", e.ParamName);
    }

    private static (double[] X, double[] G) GammaRatio(double a, double c, int seed, int count)
    {
        var rng = new Random(seed);
        var gammaU = new GammaReference(a);
        var xs = new List<double>(count);
        var gs = new List<double>(count);
        while (xs.Count < count)
        {
            double u = Gamma.Sample(rng, a, 1), w = Gamma.Sample(rng, c, 1);
            double x = u / (u + w);
            if (!(x > 0 && x < 1))
            {
                continue; // a draw that rounds onto the boundary has no density to divide by
            }

            xs.Add(x);
            gs.Add(w / ((u + w) * (u + w)) * ImplicitGradient.Compute(gammaU, u, 0));
        }

        return (xs.ToArray(), gs.ToArray());
    }
}
