using System.Text.Json;
using GateDsl.Cli;
using GateDsl.Reference;

namespace GateDsl.Validation.Tests;

/// <summary>
/// <c>gatec sample --import</c>: distributions written in the language and sampled by the
/// evaluator, without references. The statistical checks hold Dirichlet(1, 2, 3) coordinates,
/// whose moments are known in closed form, to CLT bounds: component i has mean a_i/a0 and variance
/// a_i(a0 - a_i)/(a0^2 (a0 + 1)), and the sample mean is held to z(alpha/2) sigma_i/sqrt(n) with
/// alpha = <see cref="TestBudget.Alpha"/> (1e-9) per component (asymptotic, as every CLT check of
/// this project; Bernstein's non-asymptotic bound at the same alpha is about 10% wider at this n).
/// The sample size follows from the budget: the smallest n at which a mean off by
/// <see cref="Shift"/> = 0.01 is missed with probability at most beta = 1e-9, for the largest
/// sigma (the one of 3/6); see <see cref="SampleSize"/>. The seed is fixed.
/// </summary>
public sealed class UserDistributionSampleTests
{
    /// <summary>The smallest error in a coordinate's mean the checks must catch.</summary>
    private const double Shift = 0.01;

    private const string ThreeCoordinates = """
        // All three coordinates of a Dirichlet(a, b, c): a joint law of three values.
        distribution Dirichlet3Full(a: Positive, b: Positive, c: Positive) {
          draw u ~ Gamma(a)
          draw v ~ Gamma(b)
          draw w ~ Gamma(c)
          value (u / (u + v + w), v / (u + v + w), w / (u + v + w))
        }

        // A univariate law of our own: a Beta(a, 1)-like transform of a Gamma, for the plot.
        distribution Squashed(a: Positive) {
          draw g ~ Gamma(a)
          value g / (1 + g)
        }
        """;

    private static readonly double[] Shapes = [1, 2, 3];

    /// <summary>n = ((z(alpha/2) + z(beta)) sigma_max / shift)^2 for Dirichlet(1, 2, 3) (about 52,000).</summary>
    private static int SampleSize => MomentTest.SampleSizeForPower(Shift, Shapes.Select(Sd).Max(), TestBudget.Alpha, TestBudget.Beta);

    private static double Sd(double a)
    {
        var a0 = Shapes.Sum();
        return Math.Sqrt(a * (a0 - a) / (a0 * a0 * (a0 + 1)));
    }

    private static (int Code, string Out, string Err) Gatec(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = GatecApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static string Example => RepoPaths.Examples("correlated_gates.gate");

    [Fact]
    public void Dirichlet3_from_the_example_has_clt_means_sample_correlation_and_null_references()
    {
        var n = SampleSize;
        var (code, output, error) = Gatec("sample", "Dirichlet3(1, 2, 3)", "--import", Example, "-n", $"{n}", "--seed", "11", "--json");
        Assert.True(code == 0, error);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal("Dirichlet3", root.GetProperty("distribution").GetString());
        Assert.False(root.GetProperty("reference").GetBoolean());
        Assert.Contains("not the standard library", root.GetProperty("noReferenceReason").GetString(), StringComparison.Ordinal);

        // The example's Dirichlet3 returns the first two coordinates: means 1/6 and 2/6.
        var components = root.GetProperty("components");
        Assert.Equal(2, components.GetArrayLength());
        AssertMeansAndNullReferences(components, n);

        // corr(X1, X2) = -sqrt(a1 a2 / ((a0 - a1)(a0 - a2))) = -sqrt(1/10); the delta-method SE is a plug-in (alpha 1e-9).
        var correlation = root.GetProperty("correlation");
        var sample = correlation.GetProperty("sample").GetDouble();
        var se = correlation.GetProperty("standardError").GetDouble();
        TestBudget.Check(Math.Abs(sample + Math.Sqrt(0.1)) <= MomentTest.TwoSidedZ(TestBudget.Alpha) * se, TestBudget.Alpha, $"Dirichlet3 correlation: sample {sample}, SE {se}");
        foreach (var key in new[] { "reference", "bound", "falseFailureProbability", "withinBound" })
        {
            Assert.Equal(JsonValueKind.Null, correlation.GetProperty(key).ValueKind);
        }
    }

    [Fact]
    public void Three_coordinate_dirichlet_from_two_imports_has_three_components_within_clt_bounds()
    {
        using var folder = new TempDirectory();
        var file = folder.Write("dirichlet.gate", ThreeCoordinates);
        var n = SampleSize;

        // --import is repeatable: the example and a file of our own.
        var (code, output, error) = Gatec("sample", "Dirichlet3Full(1, 2, 3)", "--import", Example, "--import", file, "-n", $"{n}", "--seed", "12", "--json");
        Assert.True(code == 0, error);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        var components = root.GetProperty("components");
        Assert.Equal(3, components.GetArrayLength());
        Assert.Equal(["x1", "x2", "x3"], components.EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        AssertMeansAndNullReferences(components, n);

        // Three components have no single correlation; every pair is listed instead.
        Assert.Equal(JsonValueKind.Null, root.GetProperty("correlation").ValueKind);
        Assert.Equal(3, root.GetProperty("correlations").GetArrayLength());
    }

    [Fact]
    public void Same_seed_gives_the_same_json_for_a_user_distribution()
    {
        string Json(string seed) => Gatec("sample", "Dirichlet3(1, 2, 3)", "--import", Example, "-n", "2000", "--seed", seed, "--json").Out;
        Assert.Equal(Json("5"), Json("5"));
        Assert.NotEqual(Json("5"), Json("6"));
    }

    [Fact]
    public void Human_report_says_no_reference()
    {
        var (code, output, error) = Gatec("sample", "Dirichlet3(1, 2, 3)", "--import", Example, "-n", "2000", "--seed", "3");
        Assert.True(code == 0, error);
        Assert.Contains("Dirichlet3(a = 1, b = 2, c = 3): n = 2000, seed = 3", output, StringComparison.Ordinal);
        Assert.Contains("not the standard library: no reference law, sample statistics only", output, StringComparison.Ordinal);
        Assert.Contains("no reference", output, StringComparison.Ordinal);
        Assert.Contains("correlation: sample -0.", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Dirichlet3(1, 2, 3)")]
    [InlineData("Dirichlet3Full(1, 2, 3)")]
    [InlineData("Squashed(2)")]
    public void Plot_writes_a_png_for_a_user_distribution(string expr)
    {
        using var folder = new TempDirectory();
        var file = folder.Write("dirichlet.gate", ThreeCoordinates);
        var path = Path.Combine(folder.Path, "plots", "user.png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!); // gatec creates no folders
        var (code, output, error) = Gatec("sample", expr, "--import", Example, "--import", file, "-n", "5000", "--seed", "2", "--plot", path);
        Assert.True(code == 0, error);
        Assert.Contains($"plot written to {path}", output, StringComparison.Ordinal);
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 10_000, $"{bytes.Length} bytes");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
    }

    [Fact]
    public void Errors_in_an_import_file_are_its_diagnostics_and_exit_1()
    {
        using var folder = new TempDirectory();
        var file = folder.Write("broken.gate", "distribution Broken(a: Positive) {\n  draw u ~ Gama(a)\n  value u\n}\n");
        var (code, output, _) = Gatec("sample", "Broken(1)", "--import", file, "--json");
        Assert.Equal(1, code);
        using var doc = JsonDocument.Parse(output);
        var diagnostic = doc.RootElement.GetProperty("diagnostics")[0];
        Assert.Equal("GATE0203", diagnostic.GetProperty("code").GetString());
        Assert.Equal(file, diagnostic.GetProperty("file").GetString());
        Assert.Equal(2, diagnostic.GetProperty("line").GetInt32());
        Assert.Equal(12, diagnostic.GetProperty("column").GetInt32());
    }

    [Fact]
    public void Unknown_import_file_is_a_usage_error_naming_it()
    {
        var (code, output, error) = Gatec("sample", "Beta(1, 2)", "--import", "no-such-file.gate");
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("no-such-file.gate", error, StringComparison.Ordinal);
    }

    /// <summary>Each component i: |mean - a_i/a0| within z(alpha/2) sigma_i / sqrt(n); every reference field null.</summary>
    private static void AssertMeansAndNullReferences(JsonElement components, int n)
    {
        var a0 = Shapes.Sum();
        var z = MomentTest.TwoSidedZ(TestBudget.Alpha);
        var i = 0;
        foreach (var c in components.EnumerateArray())
        {
            var mean = c.GetProperty("mean").GetDouble();
            var expected = Shapes[i] / a0;
            var bound = z * Sd(Shapes[i]) / Math.Sqrt(n);
            TestBudget.Check(Math.Abs(mean - expected) <= bound, TestBudget.Alpha, $"Dirichlet mean, component {i}: {mean}, expected {expected} +- {bound}");
            Assert.True(double.IsFinite(c.GetProperty("variance").GetDouble()));
            Assert.Equal(JsonValueKind.Object, c.GetProperty("quantiles").ValueKind);
            foreach (var key in new[] { "referenceMean", "referenceVariance", "referenceQuantiles", "ks" })
            {
                Assert.Equal(JsonValueKind.Null, c.GetProperty(key).ValueKind);
            }

            i++;
        }
    }
}
