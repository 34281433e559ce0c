using FsCheck.Xunit;
using GateDsl.Reference;
using MathNet.Numerics.Distributions;

namespace GateDsl.Reference.Tests;

public sealed class UnivariateLawTests
{
    [Theory]
    [MemberData(nameof(Laws.Names), MemberType = typeof(Laws))]
    public void Density_integrates_to_one_in_transformed_coordinates(string name)
    {
        var d = Laws.Get(name);
        Laws.AssertClose(1.0, Quadrature.TotalMass(d), 1e-10, $"{name} mass");
    }

    [Theory]
    [MemberData(nameof(Laws.OriginalCoordinateNames), MemberType = typeof(Laws))]
    public void Density_integrates_to_one_in_original_coordinates(string name)
    {
        // Independent of the library's quadrature: MathNet's double-exponential rule in x itself.
        var d = Laws.Get(name);
        double mass = Laws.IntegratePdf(d, Laws.Start(d), Laws.End(d));
        Laws.AssertClose(1.0, mass, 1e-7, $"{name} mass in x");
    }

    [Theory]
    [MemberData(nameof(Laws.OriginalCoordinateNames), MemberType = typeof(Laws))]
    public void Cdf_matches_the_integral_of_the_density(string name)
    {
        var d = Laws.Get(name);
        foreach (double p in new[] { 0.01, 0.2, 0.5, 0.8, 0.99 })
        {
            double x = d.Quantile(p);
            double lower = Laws.Start(d);
            double integral = Laws.IntegratePdf(d, lower, x);
            Laws.AssertClose(d.Cdf(x), integral, 1e-7, $"{name} F({x})");
        }
    }

    [Theory]
    [MemberData(nameof(Laws.Names), MemberType = typeof(Laws))]
    public void Quantile_inverts_the_cdf(string name)
    {
        var d = Laws.Get(name);
        foreach (double p in new[] { 1e-9, 1e-4, 0.03, 0.5, 0.97, 1 - 1e-6 })
        {
            double x = d.Quantile(p);
            if (Laws.AtRepresentableEdge(d, x))
            {
                // The true quantile is closer to the end than any double; the nearest double is returned.
                Assert.True(d.Cdf(Math.BitDecrement(x)) <= p, $"{name}: Q({p}) = {x} should be the last double below the quantile");
                continue;
            }

            Laws.AssertClose(p, d.Cdf(x), 1e-9, $"{name} F(Q({p}))");
        }
    }

    [Theory]
    [MemberData(nameof(Laws.OriginalCoordinateNames), MemberType = typeof(Laws))]
    public void Mean_and_variance_match_integrals_in_original_coordinates(string name)
    {
        var d = Laws.Get(name);
        double lo = Laws.Start(d);
        double hi = Laws.End(d);
        double mean = Laws.IntegratePdf(new Weighted(d, x => x), lo, hi);
        double second = Laws.IntegratePdf(new Weighted(d, x => (x - mean) * (x - mean)), lo, hi);
        Laws.AssertClose(d.Mean, mean, 1e-6, $"{name} mean");
        Assert.True(Math.Abs(second / d.Variance - 1) < 1e-5, $"{name} variance: {d.Variance:R} vs integral {second:R}");
    }

    [Theory]
    [MemberData(nameof(Laws.Names), MemberType = typeof(Laws))]
    public void Log_density_is_the_log_of_the_density(string name)
    {
        var d = Laws.Get(name);
        foreach (double p in new[] { 0.05, 0.5, 0.95 })
        {
            double x = d.Quantile(p);
            Laws.AssertClose(Math.Log(d.Pdf(x)), d.LogPdf(x), 1e-12, $"{name} log f({x})");
        }

        Assert.Equal(0, d.Cdf(d.SupportLower - 1));
        Assert.Equal(1, d.Cdf(d.SupportUpper + 1));
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 60, Replay = "(20261213,27)")]
    public void Gamma_agrees_with_MathNet(Shape shape, Shape rate, Level level)
    {
        var d = new GammaReference(shape.Value, rate.Value);
        double x = Gamma.InvCDF(shape.Value, rate.Value, level.Value);
        Laws.AssertClose(Gamma.PDF(shape.Value, rate.Value, x), d.Pdf(x), 1e-10, "pdf");
        Laws.AssertClose(Gamma.CDF(shape.Value, rate.Value, x), d.Cdf(x), 1e-10, "cdf");
        var twin = new Gamma(shape.Value, rate.Value);
        Laws.AssertClose(twin.Mean, d.Mean, 1e-14, "mean");
        Laws.AssertClose(twin.Variance, d.Variance, 1e-14, "variance");
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 60, Replay = "(20261214,29)")]
    public void Beta_agrees_with_MathNet(Shape a, Shape b, Level level)
    {
        var d = new BetaReference(a.Value, b.Value);
        double x = d.Quantile(level.Value);
        Laws.AssertClose(Beta.PDF(a.Value, b.Value, x), d.Pdf(x), 1e-9, "pdf");
        Laws.AssertClose(Beta.CDF(a.Value, b.Value, x), d.Cdf(x), 1e-10, "cdf");
        var twin = new Beta(a.Value, b.Value);
        Laws.AssertClose(twin.Mean, d.Mean, 1e-14, "mean");
        Laws.AssertClose(twin.Variance, d.Variance, 1e-14, "variance");
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 60, Replay = "(20261215,31)")]
    public void Normal_logistic_and_uniform_agree_with_their_definitions(Location mu, Shape scale, Level level)
    {
        var n = new NormalReference(mu.Value, scale.Value);
        double x = n.Quantile(level.Value);
        Laws.AssertClose(Normal.PDF(mu.Value, scale.Value, x), n.Pdf(x), 1e-12, "normal pdf");
        Laws.AssertClose(level.Value, Normal.CDF(mu.Value, scale.Value, x), 1e-12, "normal quantile");

        var l = new LogisticReference(mu.Value, scale.Value);
        double z = (x - mu.Value) / scale.Value;
        Laws.AssertClose(Math.Exp(-z) / (scale.Value * Math.Pow(1 + Math.Exp(-z), 2)), l.Pdf(x), 1e-12, "logistic pdf");
        Laws.AssertClose(1 / (1 + Math.Exp(-z)), l.Cdf(x), 1e-12, "logistic cdf");

        var u = new UniformReference(mu.Value, mu.Value + scale.Value);
        double y = u.Quantile(level.Value);
        Laws.AssertClose(ContinuousUniform.CDF(mu.Value, mu.Value + scale.Value, y), u.Cdf(y), 1e-12, "uniform cdf");
        Laws.AssertClose(1 / scale.Value, u.Pdf(y), 1e-12, "uniform pdf");
    }

    /// <summary>
    /// E[X^n] = b B(1 + n/a, b) at huge b, against mpmath at 700 digits in log form (issue 9: through
    /// BetaLn it returned b at b = 1e20).
    /// </summary>
    [Theory]
    [InlineData(1.0, 1e20, 1, 9.9999999999999999999e-21)]
    [InlineData(2.0, 1e30, 1, 8.8622692545275801364908374167024025630172994380608e-16)]
    [InlineData(10.0, 1e300, 1, 9.5135076986687318e-31)]
    [InlineData(1e3, 1e100, 1, 0.79387052093917066)]
    [InlineData(1e8, 1e300, 1, 0.99999308649646283)]
    [InlineData(1e3, 5.0, 2, 0.99544665544735236)]
    public void Kumaraswamy_raw_moment_is_right_at_huge_b(double a, double b, double n, double expected)
    {
        // Relative: Laws.AssertClose is absolute below 1, which a moment of 1e-20 would pass whatever it is.
        var actual = new KumaraswamyReference(a, b).RawMoment(n);
        Assert.True(Math.Abs(actual - expected) <= 1e-12 * expected, $"E[X^{n}] of Kumaraswamy({a}, {b}): {actual:R}, right {expected:R}");
    }

    /// <summary>
    /// Mean and variance where the mass sits far below 1 (a small, b large), against mpmath at 50 digits
    /// (b B(1 + n/a, b)): the quadrature over W gave 4.8e-186 for the mean of Kumaraswamy(0.00581, 682.3),
    /// found by the whole-range moments property at 600 cases (the toolkit was right).
    /// </summary>
    [Theory]
    [InlineData(0.00581, 682.3, 1.1077423481260677e-185, 1.5649446695337696e-283)]
    [InlineData(0.01, 1000.0, 7.0275690018520006e-145, 4.9969519389245984e-234)]
    [InlineData(0.05, 20.0, 7.254444551924844e-12, 2.3855841456213203e-16)]
    public void Kumaraswamy_moments_are_right_when_the_mass_is_far_below_one(double a, double b, double mean, double variance)
    {
        var k = new KumaraswamyReference(a, b);
        Assert.True(Math.Abs(k.Mean - mean) <= 1e-9 * mean, $"mean of Kumaraswamy({a}, {b}): {k.Mean:R}, right {mean:R}");
        Assert.True(Math.Abs(k.Variance - variance) <= 1e-9 * variance, $"variance of Kumaraswamy({a}, {b}): {k.Variance:R}, right {variance:R}");
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 60, Replay = "(20261216,33)")]
    public void Kumaraswamy_with_a_unit_shape_is_a_Beta(Shape s, Level level)
    {
        // Kumaraswamy(1, b) = Beta(1, b) and Kumaraswamy(a, 1) = Beta(a, 1): closed forms meet MathNet.
        var k1 = new KumaraswamyReference(1, s.Value);
        var k2 = new KumaraswamyReference(s.Value, 1);
        double x = level.Value;
        Laws.AssertClose(Beta.CDF(1, s.Value, x), k1.Cdf(x), 1e-11, "cdf(1,b)");
        Laws.AssertClose(Beta.PDF(1, s.Value, x), k1.Pdf(x), 1e-9, "pdf(1,b)");
        Laws.AssertClose(Beta.CDF(s.Value, 1, x), k2.Cdf(x), 1e-11, "cdf(a,1)");
        Laws.AssertClose(new Beta(1, s.Value).Mean, k1.Mean, 1e-12, "mean(1,b)");
        Laws.AssertClose(new Beta(s.Value, 1).Variance, k2.Variance, 1e-11, "variance(a,1)");
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 60, Replay = "(20261217,35)")]
    public void Binary_concrete_density_matches_Maddison_et_al(Shape temperature, Location logits, Level level)
    {
        var d = new RelaxedBernoulliReference(temperature.Value, logits.Value);
        double x = Math.Clamp(d.Quantile(level.Value), 1e-6, 1 - 1e-6);
        Laws.AssertClose(Math.Log(d.MaddisonPdf(x)), d.LogPdf(x), 1e-9, "log density");

        // CDF is the logistic CDF after the transform: P(X <= x) = P(L <= t logit(x) - logits).
        double t = temperature.Value * Math.Log(x / (1 - x)) - logits.Value;
        Laws.AssertClose(new LogisticReference(0, 1).Cdf(t), d.Cdf(x), 1e-12, "cdf");
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 60, Replay = "(20261218,37)")]
    public void Logit_normal_cdf_is_the_normal_cdf_of_the_logit(Location mu, Shape sigma, Level level)
    {
        // sigma up to 5 keeps every tested quantile (|logit| <= 5 + 5 * 3.1) representable as a double.
        double sd = Math.Min(sigma.Value, 5);
        var d = new LogitNormalReference(mu.Value, sd);
        double x = d.Quantile(level.Value);

        // The logit is recomputed from the double x: next to 1, x cannot carry the exact quantile.
        double z = Math.Log(x) - Math.Log(1 - x);
        if (x < 1 - 1e-12)
        {
            Laws.AssertClose(Normal.CDF(mu.Value, sd, z), d.Cdf(x), 1e-9, "cdf");
            Laws.AssertClose(Normal.PDF(mu.Value, sd, z) / (x * (1 - x)), d.Pdf(x), 1e-7, "pdf");
        }

        Laws.AssertClose(level.Value, d.Cdf(d.Quantile(level.Value)), 1e-6, "cdf(quantile)");
    }

    [Fact]
    public void Densities_stay_accurate_next_to_one_for_small_shapes()
    {
        // Beta(1, 0.1) keeps P(1 - X < 1e-20) = 1e-2 of its mass where x rounds to 1.0; the transformed
        // quadrature must still see it, or every moment would be off by about 1e-2.
        var d = new BetaReference(1, 0.1);
        Laws.AssertClose(1.0 / 1.1, Quadrature.Expectation(d, x => x), 1e-10, "mean");
        Laws.AssertClose(d.Variance, Quadrature.CentralMoment(d, 2), 1e-9, "variance");
    }

    [Fact]
    public void Binary_concrete_mean_tends_to_the_Bernoulli_mean_as_the_temperature_drops()
    {
        // E[sigmoid((l + L)/t)] - sigmoid(l) = -t^2 g'(-l) pi^2/6 + o(t^2) with g the logistic density
        // (about -1.3e-5 at t = 0.01, l = 2); almost all the mass is then beyond the reach of doubles
        // in x, so this checks that moments are integrated in the noise coordinate.
        var d = new RelaxedBernoulliReference(0.01, 2);
        Laws.AssertClose(1 / (1 + Math.Exp(-2.0)), d.Mean, 3e-5, "mean");
        Assert.InRange(d.Variance, 0.1, 0.105); // Bernoulli(sigmoid 2) variance is 0.1050
    }

    [Fact]
    public void Gamma_cdf_is_right_for_tiny_arguments_where_MathNet_returns_zero()
    {
        // P(a, x) = x^a / Gamma(a + 1) (1 - a x / (a + 1) + ...) for small x.
        var g = new GammaReference(0.1, 1);
        double x = 1e-15;
        double leading = Math.Pow(x, 0.1) / MathNet.Numerics.SpecialFunctions.Gamma(1.1);
        Laws.AssertClose(leading, g.Cdf(x), 1e-13, "P(0.1, 1e-15)");
        Assert.Equal(0, MathNet.Numerics.SpecialFunctions.GammaLowerRegularized(0.1, x)); // the defect worked around

        // Series branch (x < 1) and MathNet's branch meet continuously at x = 1.
        foreach (double a in new[] { 0.1, 0.5, 3, 30 })
        {
            var d = new GammaReference(a, 1);
            Laws.AssertClose(d.Cdf(1 + 1e-12), d.Cdf(1 - 1e-12), 1e-11, $"P({a}, 1)");
        }
    }

    [Fact]
    public void Invalid_parameters_are_rejected_with_the_parameter_named()
    {
        var e1 = Assert.Throws<ArgumentOutOfRangeException>(() => new GammaReference(-1, 1));
        Assert.Equal("shape", e1.ParamName);
        Assert.Contains("> 0", e1.Message, StringComparison.Ordinal);
        Assert.Equal("b", Assert.Throws<ArgumentOutOfRangeException>(() => new BetaReference(1, 0)).ParamName);
        Assert.Equal("sigma", Assert.Throws<ArgumentOutOfRangeException>(() => new NormalReference(0, double.NaN)).ParamName);
        Assert.Equal("high", Assert.Throws<ArgumentOutOfRangeException>(() => new UniformReference(1, 1)).ParamName);
        Assert.Equal("temperature", Assert.Throws<ArgumentOutOfRangeException>(() => new RelaxedBernoulliReference(0, 1)).ParamName);
        Assert.Equal("logits", Assert.Throws<ArgumentOutOfRangeException>(() => new RelaxedBernoulliReference(1, double.PositiveInfinity)).ParamName);
        Assert.Equal("p", Assert.Throws<ArgumentOutOfRangeException>(() => new KumaraswamyReference(1, 1).Quantile(1)).ParamName);
    }

    [Theory]
    [MemberData(nameof(Laws.Names), MemberType = typeof(Laws))]
    public void WithParameters_round_trips(string name)
    {
        var d = Laws.Get(name);
        var e = d.WithParameters(d.Parameters);
        Assert.Equal(d.Parameters, e.Parameters);
        Assert.Equal(d.ParameterNames.Count, d.Parameters.Count);
        Assert.Equal(d.Cdf(d.Quantile(0.3)), e.Cdf(e.Quantile(0.3)));
    }

    [Theory]
    [MemberData(nameof(Laws.Names), MemberType = typeof(Laws))]
    public void WithParameters_rejects_a_wrong_count_and_ToString_names_every_parameter(string name)
    {
        var d = Laws.Get(name);
        var error = Assert.Throws<ArgumentException>(() => d.WithParameters([.. d.Parameters, 1.0]));
        Assert.Contains($"{d.Name} takes {d.Parameters.Count} parameters (got {d.Parameters.Count + 1})", error.Message, StringComparison.Ordinal);
        var expected = $"{d.Name}({string.Join(", ", d.ParameterNames.Zip(d.Parameters, (n, v) => $"{n}={v}"))})";
        Assert.Equal(expected, d.ToString());
    }

    /// <summary>Beyond a finite end of the support: density 0 (log -inf) and the CDF at 0 or 1.</summary>
    [Theory]
    [MemberData(nameof(Laws.Names), MemberType = typeof(Laws))]
    public void Beyond_a_finite_end_the_density_is_zero_and_the_cdf_saturates(string name)
    {
        var d = Laws.Get(name);
        if (d.Support == SupportKind.UnitInterval)
        {
            Assert.Equal((0.0, 1.0), (d.SupportLower, d.SupportUpper));
        }

        var ends = 0;
        if (double.IsFinite(d.SupportLower))
        {
            ends++;
            Assert.Equal(double.NegativeInfinity, d.LogPdf(d.SupportLower - 0.5));
            Assert.Equal(0, d.Pdf(d.SupportLower - 0.5));
            Assert.Equal(0, d.Cdf(d.SupportLower - 0.5));
        }

        if (double.IsFinite(d.SupportUpper))
        {
            ends++;
            Assert.Equal(double.NegativeInfinity, d.LogPdf(d.SupportUpper + 0.5));
            Assert.Equal(1, d.Cdf(d.SupportUpper + 0.5));
        }

        Assert.Equal(d.Support switch { SupportKind.Real => 0, SupportKind.Positive => 1, _ => 2 }, ends);
    }
}
