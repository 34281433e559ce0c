using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TorchSharp;

namespace GateDsl.Validation.Tests;

/// <summary>
/// Pathwise gradients at sampled points against the implicit-gradient reference
/// r(x) = -(dF/dtheta)/f from finite differences of the reference CDF (src/GateDsl.Reference).
/// Per draw where the draw is a monotone function of one noise variable; as a conditional mean
/// E[dX/dtheta | X] = r(X) for Gamma ratios (see <see cref="GradientCheck"/> for why per draw is
/// wrong there, and the fact test below that shows it).
/// </summary>
public sealed class GradientProperties
{
    public const int ConditionalCases = 16;

    private const int PerSampleDraws = 2_000;
    private const int ConditionalDraws = 20_000;

    /// <summary>Inverse-CDF samplers and Gamma with shape &gt;= 1 (incl. 1e2..1e3): per draw, deterministic.</summary>
    public static Gen<LawCase> Monotone { get; } = Gen.OneOf(
        Generators.Univariate.Where(c => c.Name is not ("Gamma" or "Beta")),
        Gen.OneOf(Generators.LogUniform(1, 20), Generators.LogUniform(1e2, 1e3))
            .SelectMany(a => Generators.LogUniform(0.5, 3).Select(r => new LawCase("Gamma", [a, r], torch.ScalarType.Float64))));

    /// <summary>Gamma ratios and Gamma below shape 1 (boosted): conditional means.</summary>
    public static Gen<LawCase> Ratio { get; } = Gen.OneOf(
        Generators.Univariate.Where(c => c.Name == "Beta"),
        Generators.LogUniform(1e-2, 1).Select(a => new LawCase("Gamma", [a, 1.0], torch.ScalarType.Float64)),
        Generators.OlkinLiu,
        Generators.FiveGamma);

    /// <summary>
    /// Relative error per draw below 1e-3 in float64 (the brief asks for 1e-2; 1e-3 holds) and
    /// 1e-2 in float32, over draws between the 0.1% and 99.9% reference quantiles. Deterministic
    /// given the seed (no false-failure probability): the error is the reference's finite-difference
    /// error plus libtorch's gradient approximation.
    /// </summary>
    [Property(MaxTest = 40, Replay = "(20261133,15)")]
    public Property Per_draw_gradient_matches_implicit_gradient_for_monotone_samplers() =>
        Prop.ForAll(Arb.From(Monotone), c =>
        {
            foreach (var (dtype, tolerance) in new[] { (torch.ScalarType.Float64, 1e-3), (torch.ScalarType.Float32, 1e-2) })
            {
                for (var k = 0; k < c.Parameters.Length; k++)
                {
                    var draw = SamplerUnderTest.Toolkit.DrawWithGradient(c.Entry, c.Parameters, k, 0, PerSampleDraws, c.Seed, dtype);
                    var err = GradientCheck.MaxRelativeError(draw, GradientCheck.Reference(c.Entry, c.Parameters, 0, k), c.Entry.CreateReference(c.Parameters), dtype: dtype);
                    Assert.True(err < tolerance, $"{c.With(dtype)} d/d{c.Entry.ParameterNames[k]}: max relative error {err:G3} >= {tolerance}");
                }
            }
        });

    /// <summary>
    /// Conditional-mean test per case, per parameter and component, in float64 and float32, each
    /// case (all its parameters and components) at alpha = 1e-9 in total: Bonferroni over its
    /// parameters x components. Relative allowance 1e-2 (float64) and 2e-2 (float32) for the bias of
    /// the references, plus the CLT band.
    /// </summary>
    [Property(MaxTest = ConditionalCases, Replay = "(20261134,17)")]
    public Property Conditional_mean_gradient_matches_implicit_gradient_for_gamma_ratios() =>
        Prop.ForAll(Arb.From(Ratio), c =>
        {
            foreach (var dtype in new[] { torch.ScalarType.Float64, torch.ScalarType.Float32 })
            {
                if (!HasFaithfulMass(c, dtype))
                {
                    // E.g. float32 Beta(125, 0.06): 85% of the mass is within 2^-12 of 1 (see LawTest.Window).
                    continue;
                }

                var checks = c.Parameters.Length * c.Entry.ComponentCount;
                for (var k = 0; k < c.Parameters.Length; k++)
                {
                    for (var comp = 0; comp < c.Entry.ComponentCount; comp++)
                    {
                        var r = Checks.Gradient(c.Entry, c.Parameters, k, comp, ConditionalDraws, TestBudget.Alpha / checks, c.Seed + k, dtype)
                            .Run(SamplerUnderTest.Toolkit);
                        TestBudget.Check(r, $"gradient conditional mean {c.With(dtype)}");
                    }
                }
            }
        });

    /// <summary>Every component's reference puts at least 10% of its mass where the dtype is faithful.</summary>
    private static bool HasFaithfulMass(LawCase c, torch.ScalarType dtype) =>
        Enumerable.Range(0, c.Entry.ComponentCount).All(k =>
        {
            var (lo, hi) = GradientCheck.ProbabilityWindow(c.Entry.MarginalReference(c.Parameters, k), GradientCheck.DefaultTrim, dtype);
            return hi - lo >= 0.1;
        });

    /// <summary>
    /// A Gamma-ratio Beta's per-draw gradient is NOT the implicit gradient at the same x (it depends
    /// on G_a + G_b, which is independent of X), while its conditional mean is. Deterministic for the
    /// max-error part; the conditional-mean part is a check at alpha = 1e-9.
    /// </summary>
    [Fact]
    public void Gamma_ratio_beta_gradient_matches_the_implicit_gradient_in_conditional_mean_not_per_draw()
    {
        var beta = DistributionCatalogue.Get("Beta");
        double[] p = [2.0, 3.0];
        var draw = SamplerUnderTest.Toolkit.DrawWithGradient(beta, p, 0, 0, ConditionalDraws, 99);
        var reference = GradientCheck.Reference(beta, p, 0, 0);
        var marginal = beta.CreateReference(p);
        Assert.True(GradientCheck.MaxRelativeError(draw, reference, marginal) > 0.5);
        var test = GradientCheck.ConditionalMean(draw, reference, marginal, TestBudget.Alpha);
        TestBudget.Check(test, "gradient conditional mean of the Gamma-ratio transport");
    }
}
