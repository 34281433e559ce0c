using FsCheck.Xunit;
using GateDsl.Reference;
using MathNet.Numerics;

namespace GateDsl.Reference.Tests;

public sealed class KullbackLeiblerTests
{
    [Property(Arbitrary = [typeof(Generators)], MaxTest = 40, Replay = "(20261208,17)")]
    public void Gamma_closed_form_matches_quadrature(Shape a, Shape r, Shape a0, Shape r0)
    {
        double closed = KullbackLeibler.Gamma(a.Value, r.Value, a0.Value, r0.Value);
        double quad = KullbackLeibler.ByQuadrature(new GammaReference(a.Value, r.Value), new GammaReference(a0.Value, r0.Value));
        Laws.AssertClose(closed, quad, 1e-8, "KL(Gamma || Gamma)");
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 40, Replay = "(20261209,19)")]
    public void Gamma_closed_form_with_unit_rates_is_the_papers_prior_term(Shape a)
    {
        // PAPER.md: KL(Ga(a,1) || Ga(a0,1)) = (a - a0) psi(a) - lnGamma(a) + lnGamma(a0), prior a0 = 0.5.
        double paper = (a.Value - 0.5) * SpecialFunctions.DiGamma(a.Value) - SpecialFunctions.GammaLn(a.Value) + SpecialFunctions.GammaLn(0.5);
        Laws.AssertClose(paper, KullbackLeibler.Gamma(a.Value, 1, 0.5, 1), 1e-13, "paper's KL");
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 40, Replay = "(20261210,21)")]
    public void Beta_closed_form_matches_quadrature(Shape a, Shape b, Shape a0, Shape b0)
    {
        double closed = KullbackLeibler.Beta(a.Value, b.Value, a0.Value, b0.Value);
        double quad = KullbackLeibler.ByQuadrature(new BetaReference(a.Value, b.Value), new BetaReference(a0.Value, b0.Value));
        Laws.AssertClose(closed, quad, 1e-8, "KL(Beta || Beta)");
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 40, Replay = "(20261211,23)")]
    public void Normal_closed_form_matches_quadrature(Location mu, Shape sigma, Location mu0, Shape sigma0)
    {
        double closed = KullbackLeibler.Normal(mu.Value, sigma.Value, mu0.Value, sigma0.Value);
        double quad = KullbackLeibler.ByQuadrature(new NormalReference(mu.Value, sigma.Value), new NormalReference(mu0.Value, sigma0.Value));
        Laws.AssertClose(closed, quad, 1e-8, "KL(Normal || Normal)");
    }

    [Theory]
    [InlineData(0.5, 2, 1, 3)]
    [InlineData(2, 3, 2, 4)]
    [InlineData(1.5, 5, 0.8, 1.2)]
    public void Kumaraswamy_to_Beta_series_converges_to_the_quadrature(double a, double b, double alpha, double beta)
    {
        // Truncation after M terms leaves about (beta - 1) Gamma(b + 1) a^b M^-b / b; with b >= 2
        // and M = 20000 that is below 1e-6.
        double quad = KullbackLeibler.ByQuadrature(new KumaraswamyReference(a, b), new BetaReference(alpha, beta));
        double series = KullbackLeibler.KumaraswamyBetaSeries(a, b, alpha, beta, 20000);
        Laws.AssertClose(quad, series, 1e-6, $"KL(Kuma({a},{b}) || Beta({alpha},{beta}))");
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 10, Replay = "(20261212,25)")]
    public void Kumaraswamy_with_unit_first_shape_has_zero_divergence_from_the_equal_Beta(Shape b)
    {
        Assert.True(Math.Abs(KullbackLeibler.ByQuadrature(new KumaraswamyReference(1, b.Value), new BetaReference(1, b.Value))) < 1e-10);
    }

    [Theory]
    [MemberData(nameof(Laws.Names), MemberType = typeof(Laws))]
    public void Divergence_of_a_law_from_itself_is_zero_and_from_a_neighbour_positive(string name)
    {
        var d = Laws.Get(name);
        Assert.True(Math.Abs(KullbackLeibler.ByQuadrature(d, d)) < 1e-12, $"KL({name} || itself)");
        if (d.Support != SupportKind.Interval)
        {
            var p = d.Parameters.ToArray();
            p[^1] = p[^1] == 0 ? 0.1 : p[^1] * 1.1;
            Assert.True(KullbackLeibler.ByQuadrature(d, d.WithParameters(p)) > 0, "Gibbs' inequality");
        }
    }

    [Theory]
    [InlineData(2, 3)]
    [InlineData(0.5, 4)]
    public void Mixed_supports_use_each_laws_own_density(double a, double b)
    {
        // KL(Uniform(0,1) || Beta(a,b)) = ln B(a,b) + (a - 1) + (b - 1), since E[ln U] = E[ln(1 - U)] = -1.
        double expected = SpecialFunctions.BetaLn(a, b) + (a - 1) + (b - 1);
        Laws.AssertClose(expected, KullbackLeibler.ByQuadrature(new UniformReference(0, 1), new BetaReference(a, b)), 1e-9, "KL(U || Beta)");

        // KL(Beta(a,b) || Uniform(0,1)) = -entropy of the Beta = E[ln f].
        double negEntropy = -new MathNet.Numerics.Distributions.Beta(a, b).Entropy;
        Laws.AssertClose(negEntropy, KullbackLeibler.ByQuadrature(new BetaReference(a, b), new UniformReference(0, 1)), 1e-9, "KL(Beta || U)");
    }

    [Fact]
    public void Validation_names_the_parameter()
    {
        Assert.Equal("priorShape", Assert.Throws<ArgumentOutOfRangeException>(() => KullbackLeibler.Gamma(1, 1, 0, 1)).ParamName);
        Assert.Equal("terms", Assert.Throws<ArgumentOutOfRangeException>(() => KullbackLeibler.KumaraswamyBetaSeries(1, 1, 1, 1, 0)).ParamName);
    }
}
