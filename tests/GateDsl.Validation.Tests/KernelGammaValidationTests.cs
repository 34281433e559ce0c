using GateDsl.Reference;
using TorchSharp;

namespace GateDsl.Validation.Tests;

/// <summary>
/// The suite's Gamma checks run against the fused kernels' sampler (<see cref="KernelGammaSampler"/>),
/// the one every compiled stochastic cell draws with: its law against the MathNet reference CDF
/// (DKW), its per-draw gradient against the implicit-gradient reference where the draw is monotone
/// in one noise variable (shape at least 1), and the boosted draws' gradient (shape below 1) in
/// conditional mean. Eleven statistical checks at alpha = 1e-10 each (1.1e-9, registered in the
/// ledger as they run; the per-draw checks are deterministic and spend nothing).
/// </summary>
public sealed class KernelGammaValidationTests
{
    /// <summary>alpha of each check here: this project's ledger had 2.2e-9 left under its share (docs/test-budget.md).</summary>
    private const double Alpha = 1e-10;

    private const double Epsilon = 0.02;

    /// <summary>n = ln(2/alpha)/(2 eps^2) = 29,656 draws: a CDF off by more than 2 eps anywhere fails with probability at least 1 - alpha.</summary>
    private static int SampleSize => Dkw.SampleSize(Epsilon, Alpha);

    private static readonly CatalogueEntry Gamma = DistributionCatalogue.Get("Gamma");

    [Theory]
    [InlineData(0.01, 1.0, 11)]
    [InlineData(0.3, 2.0, 12)]
    [InlineData(0.7, 1.0, 13)]
    [InlineData(1.7, 0.5, 14)]
    [InlineData(40.0, 3.0, 15)]
    public void Law_matches_the_reference_cdf(double shape, double rate, long seed)
    {
        foreach (var dtype in new[] { torch.ScalarType.Float64, torch.ScalarType.Float32 })
        {
            double[] p = [shape, rate];
            var draws = KernelGammaSampler.Instance.Draw(Gamma, p, SampleSize, seed, dtype);
            var r = LawTest.Dkw(draws[0], Gamma.CreateReference(p), Alpha, dtype);
            TestBudget.Check(r, $"kernel Gamma({shape}, {rate}) law [{dtype}]");
        }
    }

    /// <summary>
    /// Deterministic given the seeds: the kernel's series is exact to rounding, so the error is the
    /// reference's own (finite differences of the MathNet CDF, about 1e-8) in float64, and float32's
    /// rounding of the draws and gradients in float32.
    /// </summary>
    [Theory]
    [InlineData(1.0, 1.0)]
    [InlineData(1.7, 2.0)]
    [InlineData(6.0, 0.5)]
    [InlineData(250.0, 1.0)]
    public void Per_draw_gradient_matches_the_implicit_gradient_for_shapes_from_one(double shape, double rate)
    {
        double[] p = [shape, rate];
        foreach (var (dtype, tolerance) in new[] { (torch.ScalarType.Float64, 1e-5), (torch.ScalarType.Float32, 1e-2) })
        {
            for (var k = 0; k < 2; k++)
            {
                var draw = KernelGammaSampler.Instance.DrawWithGradient(Gamma, p, k, 0, 2_000, 31 + k, dtype);
                var err = GradientCheck.MaxRelativeError(draw, GradientCheck.Reference(Gamma, p, 0, k), Gamma.CreateReference(p), dtype: dtype);
                Assert.True(err < tolerance, $"kernel Gamma({shape}, {rate}) d/d{Gamma.ParameterNames[k]} [{dtype}]: max relative error {err:G3} >= {tolerance}");
            }
        }
    }

    /// <summary>Below shape 1 the draw is boosted (G(a+1) U^(1/a)): its pathwise gradient equals the implicit one in conditional mean only.</summary>
    [Fact]
    public void Boosted_draws_gradient_matches_the_implicit_gradient_in_conditional_mean()
    {
        var r = Checks.Gradient(Gamma, [0.3, 1.0], 0, 0, 20_000, Alpha, 41).Run(KernelGammaSampler.Instance);
        TestBudget.Check(r, "kernel Gamma(0.3, 1) gradient conditional mean");
    }
}
