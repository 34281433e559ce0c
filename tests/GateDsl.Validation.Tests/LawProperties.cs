using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GateDsl.Reference;
using TorchSharp;

namespace GateDsl.Validation.Tests;

/// <summary>
/// The law of every sampler against its reference CDF over generated parameters (small, moderate
/// and large shapes), in float64 and float32. Each case is a DKW check at alpha = 1e-9 with
/// n = ln(2/alpha)/(2 eps^2) draws for eps = 0.02 (n = 26,777): the band is 0.02, so a sampler whose
/// CDF is off by more than 0.04 anywhere in the faithful window fails with probability at least
/// 1 - 1e-9. False-failure probability per property: cases x 1e-9 (see <see cref="TestBudget"/>).
/// </summary>
public sealed class LawProperties
{
    public const int UnivariateCases = 40;
    public const int BivariateCases = 12;
    public const double Epsilon = 0.02;

    public static int SampleSize => Dkw.SampleSize(Epsilon, TestBudget.Alpha);

    [Property(MaxTest = UnivariateCases, Replay = "(20261126,1)")]
    public Property Univariate_law_matches_reference_cdf_float64() =>
        Prop.ForAll(Arb.From(Generators.Univariate), c => AssertLaw(c));

    [Property(MaxTest = UnivariateCases, Replay = "(20261127,3)")]
    public Property Univariate_law_matches_reference_cdf_float32() =>
        Prop.ForAll(Arb.From(Generators.Univariate), c => AssertLaw(c.With(torch.ScalarType.Float32)));

    /// <summary>X ~ Beta(a, c), Y ~ Beta(b, c) exactly (Olkin-Liu), in both dtypes: 4 DKW checks per case.</summary>
    [Property(MaxTest = BivariateCases, Replay = "(20261128,5)")]
    public Property Olkin_liu_marginals_are_exact_betas() =>
        Prop.ForAll(Arb.From(Generators.OlkinLiu), c =>
        {
            AssertLaw(c);
            AssertLaw(c.With(torch.ScalarType.Float32));
        });

    /// <summary>X ~ Beta(a1 + a3, a4 + a5), Y ~ Beta(a2 + a4, a3 + a5) exactly (5G), in both dtypes.</summary>
    [Property(MaxTest = BivariateCases, Replay = "(20261129,7)")]
    public Property Five_gamma_marginals_are_exact_betas() =>
        Prop.ForAll(Arb.From(Generators.FiveGamma), c =>
        {
            AssertLaw(c);
            AssertLaw(c.With(torch.ScalarType.Float32));
        });

    [Fact]
    public void Sample_size_follows_from_alpha_and_the_band()
    {
        // n = ln(2/alpha) / (2 eps^2) = ln(2e9) / 8e-4.
        Assert.Equal((int)Math.Ceiling(Math.Log(2 / 1e-9) / (2 * 0.02 * 0.02)), SampleSize);
        Assert.InRange(SampleSize, 26_000, 27_000);
    }

    internal static void AssertLaw(LawCase c)
    {
        var draws = SamplerUnderTest.Toolkit.Draw(c.Entry, c.Parameters, SampleSize, c.Seed, c.DType);
        for (var k = 0; k < c.Entry.ComponentCount; k++)
        {
            var r = LawTest.Dkw(draws[k], c.Entry.MarginalReference(c.Parameters, k), TestBudget.Alpha, c.DType);
            TestBudget.Check(r, $"law {c} component {c.Entry.ComponentNames[k]}");
        }
    }
}
