using System.Text.Json;
using GateDsl.Cli;
using GateDsl.Cli.Sampling;
using GateDsl.Language;
using GateDsl.Reference;

namespace GateDsl.Validation.Tests;

public sealed class SampleCommandTests
{
    /// <summary>Compiles the expression as the CLI does (it must bind cleanly) and runs the command on it.</summary>
    private static (int Code, string Out, string Err) Run(string expr, int n = 2000, long seed = 1, bool json = false, string? plot = null)
    {
        var compilation = Compiler.Compilation.ForCall(expr);
        Assert.False(compilation.HasErrors, string.Join("\n", compilation.Diagnostics));
        var call = compilation.Call!;
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = SampleCommandRunner.Run(call, n, seed, json, plot, output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>
    /// The Done-when: <c>gatec sample "BivariateBeta(2, 3, 1.5)" -n 200000 --seed 7 --json</c>
    /// reports a sample correlation within its CLT bound of 0.583. The report's own bound is at
    /// alpha = 1e-3 (one user-run check); this test holds the sample to z(1e-9/2) of the reported
    /// standard error to stay inside the test budget, and checks the reported verdict is consistent.
    /// </summary>
    [Fact]
    public void Bivariate_beta_done_when_correlation_within_clt_bound_of_0_583()
    {
        var (code, output, error) = Run("BivariateBeta(2, 3, 1.5)", 200_000, 7, json: true);
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal("BivariateBeta", root.GetProperty("distribution").GetString());
        Assert.Equal(200_000, root.GetProperty("n").GetInt32());
        var components = root.GetProperty("components");
        Assert.Equal(2, components.GetArrayLength());
        foreach (var c in components.EnumerateArray())
        {
            foreach (var key in new[] { "mean", "variance", "referenceMean", "referenceVariance" })
            {
                Assert.True(double.IsFinite(c.GetProperty(key).GetDouble()), key);
            }

            Assert.InRange(c.GetProperty("ks").GetProperty("statistic").GetDouble(), 0, 1);
            Assert.InRange(c.GetProperty("ks").GetProperty("pValue").GetDouble(), 0, 1);
        }

        var correlation = root.GetProperty("correlation");
        var sample = correlation.GetProperty("sample").GetDouble();
        var reference = correlation.GetProperty("reference").GetDouble();
        var se = correlation.GetProperty("standardError").GetDouble();
        var bound = correlation.GetProperty("bound").GetDouble();
        Assert.InRange(reference, 0.5825, 0.5835);
        TestBudget.Check(Math.Abs(sample - reference) <= MomentTest.TwoSidedZ(TestBudget.Alpha) * se, TestBudget.Alpha, $"gatec sample correlation (runner): sample {sample}, reference {reference}, SE {se}");
        Assert.Equal(Math.Abs(sample - reference) <= bound, correlation.GetProperty("withinBound").GetBoolean());
        Assert.Equal(MomentTest.TwoSidedZ(1e-3) * se, bound, 12);
    }

    [Fact]
    public void Univariate_json_has_one_component_and_null_correlation()
    {
        var (code, output, _) = Run("Gamma(2)", json: true);
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal(JsonValueKind.Null, root.GetProperty("correlation").ValueKind);
        Assert.Equal(1, root.GetProperty("components").GetArrayLength());
        Assert.Equal(1.0, root.GetProperty("parameters").GetProperty("rate").GetDouble());
        Assert.Equal(2.0, root.GetProperty("components")[0].GetProperty("referenceMean").GetDouble());
    }

    [Fact]
    public void Human_report_shows_moments_quantiles_ks_and_correlation()
    {
        var (code, output, _) = Run("BivariateBeta(2, 3, 1.5)", 5000, 3);
        Assert.Equal(0, code);
        Assert.Contains("BivariateBeta(a = 2, b = 3, c = 1.5): n = 5000, seed = 3", output, StringComparison.Ordinal);
        foreach (var header in new[] { "reference mean", "reference variance", "KS statistic", "KS p-value", "99%", "x reference", "y sample" })
        {
            Assert.Contains(header, output, StringComparison.Ordinal);
        }

        Assert.Contains("correlation: sample", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Beta(0.5, 0.5)")]
    [InlineData("BivariateBeta(2, 3, 1.5)")]
    [InlineData("BivariateBeta5(0.9, 1.3, 0.6, 0.8, 1.1)")]
    public void Plot_writes_a_png(string expr)
    {
        var path = Path.Combine(Path.GetTempPath(), $"gatedsl-validation-{Guid.NewGuid():N}", "plot.png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!); // gatec creates no folders
        try
        {
            var (code, _, error) = Run(expr, 5000, 2, plot: path);
            Assert.True(code == 0, error);
            var bytes = File.ReadAllBytes(path);
            Assert.True(bytes.Length > 10_000, $"{bytes.Length} bytes");
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    /// <summary>
    /// A call the binder accepts but a sampler rejects at run time (Uniform's bounds are Real, so
    /// their order is checked by the sampler) is a diagnostic under the argument, as the binder's errors are.
    /// </summary>
    [Fact]
    public void Parameter_values_rejected_at_run_time_are_diagnostics()
    {
        var (code, output, error) = Run("Uniform(2, 1)");
        Assert.Equal(1, code);
        Assert.Equal(string.Empty, error);
        Assert.StartsWith("<expr>(1,12): error GATE0312: ", output, StringComparison.Ordinal);
        Assert.Contains("low", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Gamma(2)", "Gamma", new[] { 2.0, 1.0 })]
    [InlineData("Normal()", "Normal", new[] { 0.0, 1.0 })]
    [InlineData("Uniform()", "Uniform", new[] { 0.0, 1.0 })]
    [InlineData("Logistic()", "Logistic", new[] { 0.0, 1.0 })]
    [InlineData("Beta(1/2, 0.25 * 2)", "Beta", new[] { 0.5, 0.5 })]
    public void Standard_calls_keep_their_references_with_defaults_filled_in(string expr, string name, double[] parameters)
    {
        var (code, output, _) = Run(expr, json: true);
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal(name, root.GetProperty("distribution").GetString());
        Assert.True(root.GetProperty("reference").GetBoolean());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("noReferenceReason").ValueKind);
        Assert.Equal(parameters, root.GetProperty("parameters").EnumerateObject().Select(p => p.Value.GetDouble()));
        var component = root.GetProperty("components")[0];
        Assert.Equal(JsonValueKind.Number, component.GetProperty("referenceMean").ValueKind);
        Assert.Equal(JsonValueKind.Object, component.GetProperty("ks").ValueKind);
    }

    /// <summary>Bernoulli is standard but has no toolkit twin: the evaluator samples it and the report says there is no reference.</summary>
    [Fact]
    public void Bernoulli_is_sampled_without_a_reference_and_says_so()
    {
        var (code, output, _) = Run("Bernoulli(0.3)", json: true);
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.False(root.GetProperty("reference").GetBoolean());
        Assert.Contains("no reference twin", root.GetProperty("noReferenceReason").GetString(), StringComparison.Ordinal);
        var component = root.GetProperty("components")[0];
        Assert.Equal(JsonValueKind.Null, component.GetProperty("referenceMean").ValueKind);
        Assert.Equal(JsonValueKind.Null, component.GetProperty("ks").ValueKind);

        var (_, human, _) = Run("Bernoulli(0.3)");
        Assert.Contains("Bernoulli has no reference twin", human, StringComparison.Ordinal);
        Assert.Contains("no reference", human, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_few_draws_is_a_usage_error()
    {
        var (code, output, error) = Run("Beta(1, 2)", n: 2);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("-n must be at least 3 (got 2).", error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, output);
    }

    [Fact]
    public void Same_seed_gives_the_same_report()
    {
        Assert.Equal(Run("Beta(0.5, 0.5)", json: true, seed: 5).Out, Run("Beta(0.5, 0.5)", json: true, seed: 5).Out);
        Assert.NotEqual(Run("Beta(0.5, 0.5)", json: true, seed: 5).Out, Run("Beta(0.5, 0.5)", json: true, seed: 6).Out);
    }
}
