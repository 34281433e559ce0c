using System.Text.Json;
using GateDsl.Cli;
using GateDsl.Reference;

namespace GateDsl.Validation.Tests;

/// <summary>
/// Issue 9's faults as a user meets them in <c>gatec sample</c>, through <see cref="GatecApp.Run"/> with
/// the issue's arguments: parameters the language accepts give right draws and either a right reference
/// or a stated reason why there is none, never exit 3 (internal error) and never a reference outside the
/// law's range. The distribution-level faults are in GateDsl.Distributions.Tests (Issue9RegressionTests).
/// </summary>
public sealed class Issue9CliRegressionTests
{
    private static JsonElement Sample(string expr, int n, int seed)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = GatecApp.Run(["sample", expr, "-n", n.ToString(System.Globalization.CultureInfo.InvariantCulture), "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json"], output, error);
        Assert.True(code == 0, $"gatec sample \"{expr}\" exited {code}: {error}");
        using var doc = JsonDocument.Parse(output.ToString());
        return doc.RootElement.Clone();
    }

    /// <summary>Fault 4: Beta(1e-310, 1e-310) exited 3; its draws are 0 or 1, so the sample mean lies in [0, 1].</summary>
    [Fact]
    public void Fault4_tiny_shapes_sample_without_an_internal_error()
    {
        var root = Sample("Beta(1e-310, 1e-310)", 1000, 2);
        var x = root.GetProperty("components")[0];
        var mean = x.GetProperty("mean").GetDouble();
        Assert.InRange(mean, 0.0, 1.0);
        Assert.InRange(x.GetProperty("variance").GetDouble(), 0.0, 0.25 * 1000 / 999 + 1e-12);
    }

    /// <summary>
    /// Fault 7: huge shapes exited 3 (Beta(1e308, 1e308), BivariateBeta(1e200, 1, 1)) or printed a mean of
    /// 47.87 for a law on (0, 1) (LogitNormal(1e308, 1)). Beyond the range where the references are
    /// validated (1e8) the report has no reference and says why; the sample statistics stay in the support.
    /// </summary>
    [Theory]
    [InlineData("Beta(1e308, 1e308)")]
    [InlineData("BivariateBeta(1e200, 1, 1)")]
    [InlineData("LogitNormal(1e308, 1)")]
    public void Fault7_huge_parameters_say_the_reference_cannot_be_computed(string expr)
    {
        var root = Sample(expr, 1000, 2);
        Assert.False(root.GetProperty("reference").GetBoolean());
        Assert.Contains("validated for parameters up to", root.GetProperty("noReferenceReason").GetString(), StringComparison.Ordinal);
        foreach (var c in root.GetProperty("components").EnumerateArray())
        {
            Assert.Equal(JsonValueKind.Null, c.GetProperty("referenceMean").ValueKind);
            Assert.InRange(c.GetProperty("mean").GetDouble(), 0.0, 1.0);
        }
    }

    /// <summary>
    /// Fault 7 at the other end: the joint laws' reference correlations come from a quadrature over the shared
    /// Gamma that misses the mass near 0 at tiny shapes (BivariateBeta(1e-300, 1e-300, 1e-300) printed 7e-298
    /// where the draws rightly give 1/3; BivariateBeta5 printed NaN below shapes of 0.05). Below the floor the
    /// report has no reference and says why; the draws' own correlation is still shown.
    /// </summary>
    [Theory]
    [InlineData("BivariateBeta(1e-300, 1e-300, 1e-300)")]
    [InlineData("BivariateBeta(0.001, 1, 1)")]
    [InlineData("BivariateBeta5(0.01, 1, 1, 1, 1)")]
    public void Tiny_joint_shapes_say_the_reference_cannot_be_computed(string expr)
    {
        var root = Sample(expr, 1000, 2);
        Assert.False(root.GetProperty("reference").GetBoolean());
        Assert.Contains("validated for shapes from 0.05", root.GetProperty("noReferenceReason").GetString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Fault 7: BivariateBeta(1e8, 1, 1) reported a reference correlation of -1.73e8. As a grows X = G1 /
    /// (G1 + G3) tends to 1 - G3 / a and Y = G2 / (G2 + G3) to Uniform(0, 1); corr(G3, G3 / (G2 + G3)) with
    /// unit Exponentials is (1/6) / sqrt(1/12) = 1/sqrt(3), and the correction is O(1/a) = 1e-8.
    /// </summary>
    [Fact]
    public void Fault7_olkin_liu_reference_correlation_at_a_huge_shape_is_right()
    {
        var root = Sample("BivariateBeta(1e8, 1, 1)", 1000, 2);
        var reference = root.GetProperty("correlation").GetProperty("reference").GetDouble();
        Assert.True(Math.Abs(reference - 1 / Math.Sqrt(3)) < 1e-6, $"reference correlation {reference}, right 1/sqrt(3) = {1 / Math.Sqrt(3)} + O(1e-8)");
    }

    /// <summary>
    /// Fault 8: Kumaraswamy(0.05, 0.05), 200,000 draws with seed 5, had a KS distance of about 0.0085
    /// (p = 5.6e-13 on every seed) from 0.85% of the mass moved next to 1 by the sampler. The distance must
    /// lie within the DKW band at the suite's alpha (sqrt(ln(2 / 1e-9) / (2n)) = 0.0073, which the old
    /// 0.0085 exceeds): a statistical check registered at <see cref="TestBudget.Alpha"/>; the CLI's own
    /// verdict at its stated 1e-3 must agree with its printed p-value.
    /// </summary>
    [Fact]
    public void Fault8_small_shape_kumaraswamy_is_not_a_false_alarm()
    {
        const int n = 200_000;
        var ks = Sample("Kumaraswamy(0.05, 0.05)", n, 5).GetProperty("components")[0].GetProperty("ks");
        var statistic = ks.GetProperty("statistic").GetDouble();
        var band = Dkw.Epsilon(n, TestBudget.Alpha);
        TestBudget.Check(statistic <= band, TestBudget.Alpha, $"gatec sample Kumaraswamy(0.05, 0.05) KS: distance {statistic:G4}, DKW band {band:G4}");
        Assert.Equal(ks.GetProperty("pValue").GetDouble() >= ks.GetProperty("falseFailureProbability").GetDouble(), ks.GetProperty("passed").GetBoolean());
    }

    /// <summary>
    /// Issue 9 open item 5: every law at the extremes the language accepts (subnormal 5e-324 and 1e-300, huge 1e300 and
    /// 1.7e308, locations of either sign), as gatec sample runs them: exit 0, never 3 (Uniform(-5e-324, 5e-324) exited
    /// 3: its reference halved a subnormal width to 0 and its CDF was NaN), and sample statistics inside the support or
    /// null (not finite). Deterministic: no verdict is asserted.
    /// </summary>
    [Theory]
    [InlineData("Uniform(-5e-324, 5e-324)", -5e-324, 5e-324)]
    [InlineData("Uniform(-1.7e308, 1.7e308)", double.MinValue, double.MaxValue)]
    [InlineData("Gamma(5e-324, 1.7e308)", 0.0, double.MaxValue)]
    [InlineData("Gamma(1.7e308, 5e-324)", 0.0, double.MaxValue)]
    [InlineData("Beta(5e-324, 1.7e308)", 0.0, 1.0)]
    [InlineData("Kumaraswamy(5e-324, 1.7e308)", 0.0, 1.0)]
    [InlineData("Kumaraswamy(1.7e308, 5e-324)", 0.0, 1.0)]
    [InlineData("RelaxedBernoulli(5e-324, -1.7e308)", 0.0, 1.0)]
    [InlineData("RelaxedBernoulli(1.7e308, 1e300)", 0.0, 1.0)]
    [InlineData("LogitNormal(-1.7e308, 5e-324)", 0.0, 1.0)]
    [InlineData("Logistic(1e300, 1.7e308)", double.MinValue, double.MaxValue)]
    [InlineData("Normal(-1.7e308, 5e-324)", double.MinValue, double.MaxValue)]
    [InlineData("BivariateBeta(5e-324, 1.7e308, 5e-324)", 0.0, 1.0)]
    [InlineData("BivariateBeta5(5e-324, 1e300, 1, 1.7e308, 5e-324)", 0.0, 1.0)]
    public void Extreme_parameters_sample_without_an_internal_error(string expr, double low, double high)
    {
        var root = Sample(expr, 2000, 3);
        foreach (var c in root.GetProperty("components").EnumerateArray())
        {
            var mean = c.GetProperty("mean");
            Assert.True(mean.ValueKind == JsonValueKind.Null || (mean.GetDouble() >= low && mean.GetDouble() <= high), $"{expr}: sample mean {mean} outside [{low}, {high}]");
        }
    }

    /// <summary>
    /// Issue 9 open item 5: a law that float64 cannot resolve at its parameters is a few atoms in the dtype (every draw
    /// of Normal(1e300, 1) is 1e300; Normal(0, 5e-324) draws multiples of 5e-324; LogitNormal(0, 1e-300) is 0.5; Gamma(1e-300,
    /// 1e-300) draws sit at the smallest normal), and the KS test against the continuous reference rejected these correct
    /// draws with p = 0 on every seed. The report now has no reference and says why (the draws' distinct values).
    /// </summary>
    [Theory]
    [InlineData("Normal(1e300, 1)")]
    [InlineData("Logistic(-1e300, 1)")]
    [InlineData("Normal(0, 5e-324)")]
    [InlineData("LogitNormal(0, 1e-300)")]
    [InlineData("Gamma(1e-300, 1e-300)")]
    [InlineData("Uniform(-5e-324, 5e-324)")]
    public void Laws_float64_cannot_resolve_have_no_reference_verdict(string expr)
    {
        var root = Sample(expr, 2000, 3);
        Assert.False(root.GetProperty("reference").GetBoolean(), $"{expr}: a KS verdict against a continuous reference");
        Assert.Contains("distinct float64 value", root.GetProperty("noReferenceReason").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("components")[0].GetProperty("ks").ValueKind);
    }

    /// <summary>
    /// Issue 9 open item 5: gatec validate --cell on a cell whose shapes are 1e300 (a constant the language accepts, added
    /// to softplus) exited 3 (the Beta reference's NaN CDF reached the KS distribution). Each check it cannot make now
    /// fails with the reason (exit 1): the reference is validated up to 1e8.
    /// </summary>
    [Fact]
    public void Validate_cell_at_huge_shapes_says_what_it_cannot_check()
    {
        using var folder = new TempDirectory();
        var file = folder.Write("huge.gate", """
            import "distributions.gate"
            const huge = 1e300
            cell HugeBeta {
              let a = softplus(linear) + huge
              let b = softplus(linear) + huge
              gate i ~ Beta(a, b)
              gate f = sigmoid(linear)
              gate o = sigmoid(linear)
              candidate = tanh(linear)
              evaluate mean
            }
            """);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = GatecApp.Run(["validate", "--cell", "HugeBeta", file, "--quick"], output, error);
        Assert.True(code == 1, $"exit {code}: {error}");
        Assert.DoesNotContain("internal error", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("cannot be checked: the reference of Beta is validated for parameters up to", error.ToString(), StringComparison.Ordinal);
    }
}
