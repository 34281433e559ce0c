using FsCheck.Xunit;
using GateDsl.Reference;

namespace GateDsl.Reference.Tests;

public sealed class BivariateBetaTests
{
    [Fact]
    public void Reproduces_the_checked_values_of_PAPER_md()
    {
        var first = new BivariateBetaReference(2, 3, 1.5);
        Assert.Equal(0.408277, first.MeanXY, 6);           // PAPER.md gives 6 decimals
        Assert.Equal(0.583, first.Correlation, 3);
        Assert.Equal(0.326, new BivariateBetaReference(0.7, 1.2, 2).Correlation, 3);
    }

    [Theory]
    [InlineData(2, 3, 1.5)]
    [InlineData(0.7, 1.2, 2)]
    [InlineData(5, 1, 0.8)]
    [InlineData(0.6, 0.8, 1.5)]
    public void Mean_xy_by_conditioning_on_W_matches_a_brute_force_2D_integral_of_the_density(double a, double b, double c)
    {
        var law = new BivariateBetaReference(a, b, c);
        double brute = BruteForce.OlkinLiuExpectation(a, b, c, (x, y) => x * y);
        Laws.AssertClose(brute, law.MeanXY, 1e-8, "E[XY]");
        Laws.AssertClose(1.0, BruteForce.OlkinLiuExpectation(a, b, c, (_, _) => 1), 1e-8, "joint mass");
        Laws.AssertClose(law.MarginalX.Mean, BruteForce.OlkinLiuExpectation(a, b, c, (x, _) => x), 1e-8, "E[X]");
        Laws.AssertClose(law.MarginalY.Variance, BruteForce.OlkinLiuExpectation(a, b, c, (_, y) => (y - law.MarginalY.Mean) * (y - law.MarginalY.Mean)), 1e-8, "Var[Y]");
    }

    [Theory]
    [InlineData(2, 3, 1.5, 0.4, 0.7)]
    [InlineData(0.7, 1.2, 2, 0.2, 0.3)]
    [InlineData(0.7, 1.2, 2, 0.9, 0.05)]
    public void Joint_cdf_matches_the_integral_of_the_density(double a, double b, double c, double x, double y)
    {
        var law = new BivariateBetaReference(a, b, c);
        double brute = BruteForce.OlkinLiuExpectation(a, b, c, (_, _) => 1, Math.Log(x / (1 - x)), Math.Log(y / (1 - y)));
        Laws.AssertClose(brute, law.Cdf(x, y), 1e-8, $"F({x}, {y})");
    }

    [Theory]
    [InlineData(2, 3, 1.5)]
    [InlineData(0.7, 1.2, 2)]
    public void Joint_cdf_has_the_exact_marginals_and_density_integrates_to_the_Beta_marginal(double a, double b, double c)
    {
        var law = new BivariateBetaReference(a, b, c);
        foreach (double v in new[] { 0.1, 0.5, 0.8 })
        {
            // Through the conditioning integral (y just below 1), not through the marginal short-cut.
            Laws.AssertClose(law.MarginalX.Cdf(v), law.Cdf(v, 1 - 1e-13), 1e-9, $"F({v}, 1)");
            Laws.AssertClose(law.MarginalY.Cdf(v), law.Cdf(1 - 1e-13, v), 1e-9, $"F(1, {v})");

            // f_X(v) = integral of f(v, y) dy, done in logit(y) here.
            double fx = Quadrature.Integrate(t => { double y = 1 / (1 + Math.Exp(-t)); return law.Pdf(v, y) * y * (1 - y); }, -80, 35, 1e-11);
            Laws.AssertClose(law.MarginalX.Pdf(v), fx, 1e-7, $"f_X({v})");
        }

        Assert.Equal(new BetaReference(a, c).Parameters, law.MarginalX.Parameters);
        Assert.Equal(new BetaReference(b, c).Parameters, law.MarginalY.Parameters);
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 12, Replay = "(20261201,3)")]
    public void Correlation_is_in_the_open_unit_interval(Shape a, Shape b, Shape c)
    {
        double rho = new BivariateBetaReference(a.Value, b.Value, c.Value).Correlation;
        Assert.InRange(rho, 1e-12, 1 - 1e-12);
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 12, Replay = "(20261202,5)")]
    public void Five_gamma_law_without_G3_and_G4_is_the_Olkin_Liu_law(Shape a, Shape b, Shape c)
    {
        // Two different methods (nested conditioning on W; Laplace-transform 2-D integral).
        var three = new BivariateBetaReference(a.Value, b.Value, c.Value);
        var five = new BivariateBeta5Reference(a.Value, b.Value, 0, 0, c.Value);
        Laws.AssertClose(three.MeanXY, five.MeanXY, 1e-9, $"E[XY] at {three}");
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 25, Replay = "(20261203,7)")]
    public void Five_gamma_mean_xy_is_symmetric_under_swapping_the_coordinates(Shape a1, Shape a2, Shape a3, Shape a4, Shape a5)
    {
        // (a1, a2, a3, a4) -> (a2, a1, a4, a3) swaps X and Y in law; the integral is not written symmetrically.
        var law = new BivariateBeta5Reference(a1.Value, a2.Value, a3.Value, a4.Value, a5.Value);
        var swapped = new BivariateBeta5Reference(a2.Value, a1.Value, a4.Value, a3.Value, a5.Value);
        Laws.AssertClose(law.MeanXY, swapped.MeanXY, 1e-9, "E[XY]");
        Assert.InRange(law.Correlation, -1, 1);
    }

    [Theory]
    [InlineData(1.5, 2, 1, 1.2, 2.5)]
    [InlineData(2, 1.5, 1, 3, 1)]
    [InlineData(1, 1, 4, 4, 1)]
    public void Five_gamma_mean_xy_matches_a_brute_force_conditioning_on_the_shared_Gammas(double a1, double a2, double a3, double a4, double a5)
    {
        var law = new BivariateBeta5Reference(a1, a2, a3, a4, a5);
        double brute = BruteForce.FiveGammaMeanXY(a1, a2, a3, a4, a5);
        Laws.AssertClose(brute, law.MeanXY, 1e-7, $"E[XY] at {law}");
    }

    [Theory]
    [InlineData(0.4, 0.7)]
    [InlineData(0.9, 0.1)]
    public void Five_gamma_joint_cdf_without_G3_and_G4_is_the_Olkin_Liu_cdf(double x, double y)
    {
        var three = new BivariateBetaReference(2, 3, 1.5);
        var five = new BivariateBeta5Reference(2, 3, 0, 0, 1.5);
        Laws.AssertClose(three.Cdf(x, y), five.Cdf(x, y), 1e-9, $"F({x}, {y})");
    }

    [Fact]
    public void Five_gamma_joint_cdf_has_the_exact_marginals()
    {
        // Through the 3-D conditioning integral (the other coordinate just below 1), not the short-cut.
        var law = new BivariateBeta5Reference(1, 2, 0.5, 1.5, 2);
        Laws.AssertClose(law.MarginalX.Cdf(0.5), law.Cdf(0.5, 1 - 1e-13), 1e-7, "F(0.5, 1)");
        Laws.AssertClose(law.MarginalY.Cdf(0.3), law.Cdf(1 - 1e-13, 0.3), 1e-7, "F(1, 0.3)");
        double f = law.Cdf(0.5, 0.5);
        Assert.InRange(f, Math.Max(0, law.MarginalX.Cdf(0.5) + law.MarginalY.Cdf(0.5) - 1), Math.Min(law.MarginalX.Cdf(0.5), law.MarginalY.Cdf(0.5)));
    }

    [Fact]
    public void Five_gamma_correlation_sign_follows_the_shared_Gammas()
    {
        Assert.True(new BivariateBeta5Reference(1, 1, 0.1, 0.1, 5).Correlation > 0.1, "G5 pushes the correlation up");
        Assert.True(new BivariateBeta5Reference(1, 1, 5, 5, 0.1).Correlation < -0.3, "G3 and G4 push it down");
        var m = new BivariateBeta5Reference(1, 2, 3, 4, 5);
        Assert.Equal([4.0, 9.0], m.MarginalX.Parameters);
        Assert.Equal([6.0, 8.0], m.MarginalY.Parameters);
    }

    [Fact]
    public void Invalid_shapes_are_rejected_with_the_parameter_named()
    {
        Assert.Equal("c", Assert.Throws<ArgumentOutOfRangeException>(() => new BivariateBetaReference(1, 1, 0)).ParamName);
        Assert.Equal("a3", Assert.Throws<ArgumentOutOfRangeException>(() => new BivariateBeta5Reference(1, 1, -1, 0, 1)).ParamName);
        Assert.Equal("a5", Assert.Throws<ArgumentOutOfRangeException>(() => new BivariateBeta5Reference(1, 1, 1, 1, 0)).ParamName);
    }
}
