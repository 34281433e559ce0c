using GateDsl.Distributions;
using static TorchSharp.torch;

namespace GateDsl.Compiler.Tests;

/// <summary>
/// The standard library's specs, evaluated statement by statement, against the closed-form moments
/// of GateDsl.Distributions' own samplers (independent code paths for the same laws). Each moment
/// check fails a correct sampler with probability 5e-10 (see <see cref="Moments"/>).
/// </summary>
public sealed class StdlibLawTests
{
    // Derived: every check resolves 0.0128 per-draw standard deviations (the resolution the former
    // n = 200,000 had at Z = 5.73), so n = (6.22 / 0.0128)^2 = 236,136 at 5e-10.
    private static readonly long N = Moments.SampleSize(0.0128);

    [Theory]
    [InlineData(2.0, 3.0, 11UL)]
    [InlineData(0.5, 0.5, 12UL)] // shapes below 1: the log-space boost of the Gamma sampler
    [InlineData(20.0, 0.2, 13UL)]
    public void Beta_spec_matches_the_Beta_moments(double a, double b, ulong seed)
    {
        var x = Draw(FormattableString.Invariant($"Beta({a}, {b})"), seed)[0];
        var reference = new Beta(tensor(a, ScalarType.Float64), tensor(b, ScalarType.Float64));
        Moments.AssertLaw(x, Moments.Scalar(reference.Mean), Moments.Scalar(reference.Variance), $"Beta({a}, {b})");
        Assert.All(x, v => Assert.InRange(v, double.Epsilon, 1.0));
    }

    [Fact]
    public void Kumaraswamy_spec_matches_its_closed_form_mean()
    {
        var x = Draw("Kumaraswamy(2, 5)", 21)[0];
        var reference = new Kumaraswamy(tensor(2.0, ScalarType.Float64), tensor(5.0, ScalarType.Float64));

        // E[X] = b B(1 + 1/a, b); for a = 2, b = 5 that is 5 B(1.5, 5) = 0.369408...
        var mean = Moments.Scalar(reference.Mean);
        Assert.Equal(0.36940836940836940, mean, 12);
        Moments.AssertLaw(x, mean, Moments.Scalar(reference.Variance), "Kumaraswamy(2, 5)");
    }

    [Fact]
    public void BivariateBeta_spec_has_Beta_marginals_and_the_Olkin_Liu_correlation()
    {
        var (a, b, c) = (2.0, 3.0, 1.5);
        var xy = Draw("BivariateBeta(2, 3, 1.5)", 31);
        AssertBeta(xy[0], a, c, "X");
        AssertBeta(xy[1], b, c, "Y");

        var reference = Correlation(a, b, c);
        Assert.Equal(0.583, reference, 3); // the value the paper and issue 4 quote
        Moments.AssertCorrelation(xy[0], xy[1], reference, "BivariateBeta(2, 3, 1.5)");
    }

    [Fact]
    public void BivariateBeta5_spec_has_its_exact_Beta_marginals()
    {
        // X ~ Beta(a1 + a3, a4 + a5), Y ~ Beta(a2 + a4, a3 + a5).
        var xy = Draw("BivariateBeta5(1, 2, 0.5, 1.5, 3)", 41);
        AssertBeta(xy[0], 1 + 0.5, 1.5 + 3, "X");
        AssertBeta(xy[1], 2 + 1.5, 0.5 + 3, "Y");
    }

    [Theory]
    [InlineData("Gamma(2, 4)", 0.5, 2.0 / 16, 51UL)]
    [InlineData("Gamma(0.1)", 0.1, 0.1, 52UL)]
    [InlineData("Uniform(-1, 3)", 1.0, 16.0 / 12, 53UL)]
    [InlineData("Uniform()", 0.5, 1.0 / 12, 54UL)]
    [InlineData("Normal(1, 2)", 1.0, 4.0, 55UL)]
    [InlineData("Logistic(1, 2)", 1.0, 4 * Math.PI * Math.PI / 3, 56UL)]
    [InlineData("Bernoulli(0.3)", 0.3, 0.21, 57UL)]
    public void Primitives_with_their_defaults(string expression, double mean, double variance, ulong seed)
    {
        var x = Draw(expression, seed)[0];
        Moments.AssertLaw(x, mean, variance, expression);
    }

    [Fact]
    public void Bernoulli_draws_are_zero_or_one()
    {
        var x = Draw("Bernoulli(0.5)", 58)[0];
        Assert.All(x, v => Assert.True(v is 0.0 or 1.0));
        // Both values occur: all N draws equal has probability 2^(1-N), below 1e-40, which spends nothing.
        Assert.Contains(0.0, x);
        Assert.Contains(1.0, x);
    }

    /// <summary>The Olkin-Liu correlation as GateDsl.Distributions computes it (by series, independent of sampling).</summary>
    internal static double Correlation(double a, double b, double c) =>
        Moments.Scalar(new BivariateBeta(tensor(a, ScalarType.Float64), tensor(b, ScalarType.Float64), tensor(c, ScalarType.Float64)).Correlation());

    private static void AssertBeta(double[] x, double a, double b, string what)
    {
        var beta = new Beta(tensor(a, ScalarType.Float64), tensor(b, ScalarType.Float64));
        Moments.AssertLaw(x, Moments.Scalar(beta.Mean), Moments.Scalar(beta.Variance), $"{what} ~ Beta({a}, {b})");
    }

    private static double[][] Draw(string expression, ulong seed)
    {
        var call = Specs.Call(expression);
        var values = DistributionEvaluator.Seeded(seed).Sample(call, N);
        Assert.Equal(call.ValueCount, values.Count);
        Assert.All(values, v =>
        {
            Assert.Equal(new[] { N }, v.shape);
            Assert.Equal(ScalarType.Float64, v.dtype);
        });
        return values.Select(Moments.Values).ToArray();
    }
}
