using GateDsl.Cli.Commands;
using GateDsl.Reference;
using MathNet.Numerics.Distributions;

namespace GateDsl.Validation.Tests;

/// <summary>
/// Power: every statistical check catches a deliberately wrong sampler. Each test derives its
/// sample size from the check's false-failure probability alpha = 1e-9, the miss probability
/// beta = 1e-9 and the discrepancy of the wrong law (computed from the references, or from a
/// pilot draw for gradients), then shows the check passes the real sampler (a control, alpha) and
/// fails the wrong one (missed with probability at most beta).
/// </summary>
public sealed class PowerTests
{
    private const double Alpha = TestBudget.Alpha;
    private const double Beta = TestBudget.Beta;

    [Fact]
    public void Ks_law_check_catches_swapped_beta_parameters()
    {
        var (entry, p) = (DistributionCatalogue.Get("Beta"), new[] { 0.7, 2.5 });
        var delta = Dkw.SupDistance(entry.CreateReference(p), entry.CreateReference([p[1], p[0]]));
        var n = Dkw.SampleSizeForPower(delta, Alpha, Beta);
        AssertPower(Checks.Law(entry, p, 0, n, Alpha, 11), WrongSampler.SwappedBeta(), $"delta {delta:G3}, n {n}");
    }

    [Fact]
    public void Mean_check_catches_swapped_beta_parameters()
    {
        var (entry, p) = (DistributionCatalogue.Get("Beta"), new[] { 0.7, 2.5 });
        var (right, wrong) = (entry.CreateReference(p), entry.CreateReference([p[1], p[0]]));
        var n = MomentTest.SampleSizeForPower(Math.Abs(right.Mean - wrong.Mean), Math.Sqrt(Math.Max(right.Variance, wrong.Variance)), Alpha, Beta);
        AssertPower(Checks.Mean(entry, p, 0, n, Alpha, 12), WrongSampler.SwappedBeta(), $"n {n}");
    }

    /// <summary>The first shape 5% too large: the KS check, with n from the sup distance of the two reference CDFs.</summary>
    [Theory]
    [InlineData("Gamma", new[] { 1.7, 2.0 }, 0)]
    [InlineData("Beta", new[] { 0.7, 2.5 }, 0)]
    [InlineData("BivariateBeta", new[] { 2.0, 3.0, 1.5 }, 0)]
    [InlineData("BivariateBeta5", new[] { 0.9, 1.3, 0.6, 0.8, 1.1 }, 0)]
    public void Ks_law_check_catches_a_shape_off_by_five_percent(string name, double[] p, int component)
    {
        var entry = DistributionCatalogue.Get(name);
        var wrongParameters = (double[])p.Clone();
        wrongParameters[0] *= 1.05;
        var delta = Dkw.SupDistance(entry.MarginalReference(p, component), entry.MarginalReference(wrongParameters, component));
        var n = Dkw.SampleSizeForPower(delta, Alpha, Beta);
        Assert.InRange(n, 1, 2_000_000);
        AssertPower(Checks.Law(entry, p, component, n, Alpha, 13), WrongSampler.FirstShapeOff(name), $"delta {delta:G3}, n {n}");
    }

    /// <summary>
    /// Gradients scaled by 1.1, caught by the conditional-mean check. The shift in a bin is
    /// 0.1 E[r | bin]; it is detected when 0.1 |mean r| - 0.01 mean |r| &gt;= (z(alpha/2B) + z(beta)) sd/sqrt(n_b),
    /// with sd the spread of 1.1 g - r in the bin from a pilot of 20,000 wrong draws; n is taken for
    /// the most favourable bin, times B / (1 - 2 trim) and a margin of 1.25 for the random bin counts.
    /// </summary>
    [Theory]
    [InlineData("Beta", new[] { 0.7, 2.5 }, 0, 0)]
    [InlineData("BivariateBeta", new[] { 2.0, 3.0, 1.5 }, 2, 0)]
    [InlineData("BivariateBeta5", new[] { 0.9, 1.3, 0.6, 0.8, 1.1 }, 4, 1)]
    public void Gradient_check_catches_a_gradient_scaled_by_1_1(string name, double[] p, int parameter, int component)
    {
        var entry = DistributionCatalogue.Get(name);
        var wrong = WrongSampler.GradientScaled(name);
        var n = GradientPowerSampleSize(entry, p, parameter, component, wrong);
        Assert.InRange(n, 1, 2_000_000);
        AssertPower(Checks.Gradient(entry, p, parameter, component, n, Alpha, 14), wrong, $"n {n}");
    }

    /// <summary>Per-draw comparison (monotone samplers) sees the 10% directly: deterministic, no alpha or beta.</summary>
    [Fact]
    public void Per_draw_gradient_comparison_catches_a_gradient_scaled_by_1_1()
    {
        var (entry, p) = (DistributionCatalogue.Get("Gamma"), new[] { 1.7, 2.0 });
        var reference = GradientCheck.Reference(entry, p, 0, 0);
        var right = GradientCheck.MaxRelativeError(SamplerUnderTest.Toolkit.DrawWithGradient(entry, p, 0, 0, 2000, 15), reference, entry.CreateReference(p));
        var wrong = GradientCheck.MaxRelativeError(WrongSampler.GradientScaled("Gamma").DrawWithGradient(entry, p, 0, 0, 2000, 15), reference, entry.CreateReference(p));
        Assert.True(right < 1e-3, $"toolkit: {right}");
        Assert.True(wrong > 0.09, $"wrong: {wrong}");
    }

    /// <summary>
    /// Independent Betas with the Olkin-Liu marginals: the marginal KS checks cannot see it (they
    /// pass), the correlation check and the joint-CDF grid check do. Correlation: under independence
    /// the influence function is u v with variance 1, so n = ((z(alpha/2) + z(beta)) / rho)^2 (x 1.1).
    /// Joint CDF: n from the largest corner distance between the Olkin-Liu grid and the product of
    /// its marginals (Hoeffding; rigorous).
    /// </summary>
    [Fact]
    public void Dependence_checks_catch_a_correlation_free_bivariate_beta()
    {
        var (entry, p) = (DistributionCatalogue.Get("BivariateBeta"), new[] { 2.0, 3.0, 1.5 });
        var wrong = WrongSampler.IndependentOlkinLiu();
        var reference = (BivariateBetaReference)entry.CreateJointReference(p);

        var nCorrelation = (int)Math.Ceiling(1.1 * CorrelationTest.SampleSizeForPower(reference.Correlation, 1.0, Alpha, Beta));
        AssertPower(Checks.Correlation(entry, p, nCorrelation, Alpha, 16), wrong, $"n {nCorrelation}");

        const int cells = 5;
        var grid = JointGrid.Create(reference, cells);
        var independent = JointGrid.Create(reference, cells, (x, y) => reference.MarginalX.Cdf(x) * reference.MarginalY.Cdf(y));
        var delta = JointCdfGridCheck.MaxCornerDistance(grid, independent);
        var nGrid = JointCdfGridCheck.SampleSizeForPower(delta, (cells - 1) * (cells - 1), Alpha, Beta);
        AssertPower(Checks.JointCdf(entry, p, nGrid, Alpha, 17, cells), wrong, $"delta {delta:G3}, n {nGrid}");

        // The marginals of the wrong sampler are right: marginal checks pass (alpha each).
        for (var c = 0; c < 2; c++)
        {
            var r = Checks.Law(entry, p, c, nGrid, Alpha, 18).Run(wrong);
            TestBudget.Check(r, $"power control: marginal {c} of the independent sampler");
        }
    }

    /// <summary>
    /// The Monte Carlo KL check with a Gamma whose shape is 5% off (draws and log density both from
    /// the wrong law): the estimate converges to KL(Ga(2.625) || Ga(0.5)) instead of the closed form of
    /// KL(Ga(2.5) || Ga(0.5)). n = ((z(alpha/2) + z(beta)) sd / delta)^2 with delta the difference of the
    /// two reference closed forms and sd the spread of log p - log q in a pilot of the wrong draws.
    /// </summary>
    [Fact]
    public void Monte_carlo_kl_check_catches_a_shape_off_by_five_percent()
    {
        double[] p = [2.5, 1.0];
        double[] q = [0.5, 1.0];
        var delta = Math.Abs(KullbackLeibler.Gamma(2.625, 1, 0.525, 1) - KullbackLeibler.Gamma(2.5, 1, 0.5, 1));
        var wrong = WrongSampler.FirstShapeOff("Gamma");
        var gamma = DistributionCatalogue.Get("Gamma");
        var pilot = wrong.Draw(gamma, p, 20_000, 4243);
        var lp = wrong.LogProb(gamma, p, pilot);
        var lq = wrong.LogProb(gamma, q, pilot);
        var sd = Math.Sqrt(Descriptive.Variance(lp.Select((v, i) => v - lq[i]).ToArray()));
        var n = (int)Math.Ceiling(1.1 * MomentTest.SampleSizeForPower(delta, sd, Alpha, Beta));
        Assert.InRange(n, 1, 2_000_000);
        AssertPower(Checks.KlMonteCarlo("Gamma", p, "Gamma", q, n, Alpha, 19), wrong, $"delta {delta:G3}, sd {sd:G3}, n {n}");
    }

    /// <summary>The deterministic log-density check sees a 5% shape error at once (no alpha, no beta).</summary>
    [Fact]
    public void Log_density_check_catches_a_shape_off_by_five_percent()
    {
        foreach (var name in new[] { "Gamma", "Beta", "BivariateBeta" })
        {
            var entry = DistributionCatalogue.Get(name);
            Assert.True(Checks.LogDensity(entry, entry.ExampleParameters).Run(SamplerUnderTest.Toolkit).Passed);
            Assert.False(Checks.LogDensity(entry, entry.ExampleParameters).Run(WrongSampler.FirstShapeOff(name)).Passed);
        }
    }

    /// <summary>The quick suite as <c>gatec validate --quick</c> runs it: exit 1 with a wrong sampler (Beta law check: sup distance 0.6 at n = 20,000, beta far below 1e-9).</summary>
    [Fact]
    public void Validate_command_exits_1_when_a_sampler_is_broken()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = ValidateCommandRunner.Run(true, output, error, interactive: false, sampler: WrongSampler.SwappedBeta());
        Assert.Equal(1, code);
        Assert.Contains("Beta(a = 0.7, b = 2.5) | law x (KS)", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("FAIL", output.ToString(), StringComparison.Ordinal);
    }

    private static void AssertPower(ValidationCheck check, SamplerUnderTest wrong, string derivation)
    {
        var control = check.Run(SamplerUnderTest.Toolkit);
        TestBudget.Check(control, $"power control (toolkit) [{derivation}]");
        var caught = check.Run(wrong);
        TestBudget.Caught(!caught.Passed, Beta, $"power: {wrong.Description}: {caught} [{derivation}]");
    }

    private static int GradientPowerSampleSize(CatalogueEntry entry, double[] p, int parameter, int component, SamplerUnderTest wrong)
    {
        const int bins = 10;
        const double trim = GradientCheck.DefaultTrim;
        var pilot = wrong.DrawWithGradient(entry, p, parameter, component, 20_000, 4242);
        var reference = GradientCheck.Reference(entry, p, component, parameter);
        var marginal = entry.MarginalReference(p, component);
        var edges = Enumerable.Range(0, bins + 1).Select(i => marginal.Quantile(trim + (1 - 2 * trim) * i / bins)).ToArray();
        var z = Normal.InvCDF(0, 1, 1 - Alpha / (2.0 * bins)) + Normal.InvCDF(0, 1, 1 - Beta);
        var best = double.PositiveInfinity;
        for (var b = 0; b < bins; b++)
        {
            var d = new List<double>();
            var r = new List<double>();
            for (var i = 0; i < pilot.Values.Length; i++)
            {
                var x = pilot.Values[i];
                if (x > edges[b] && x <= edges[b + 1])
                {
                    var ri = reference(x);
                    d.Add(pilot.Gradients[i] - ri);
                    r.Add(ri);
                }
            }

            var signal = 0.1 * Math.Abs(Descriptive.Mean(r)) - GradientCheck.DefaultTolerance * r.Average(Math.Abs);
            if (d.Count > 30 && signal > 0)
            {
                var nb = Math.Pow(z * Math.Sqrt(Descriptive.Variance(d)) / signal, 2);
                best = Math.Min(best, nb * bins / (1 - 2 * trim) * 1.25);
            }
        }

        return (int)Math.Ceiling(best);
    }
}
