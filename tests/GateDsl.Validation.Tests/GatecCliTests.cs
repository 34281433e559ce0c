using System.Text.Json;
using GateDsl.Cli;
using GateDsl.Reference;

namespace GateDsl.Validation.Tests;

/// <summary>The commands as a user types them, through <see cref="GatecApp.Run"/>.</summary>
public sealed class GatecCliTests
{
    private static (int Code, string Out, string Err) Gatec(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = GatecApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>The Done-when, literally: the sample correlation within z(1e-9/2) standard errors (budgeted) and within the printed bound.</summary>
    [Fact]
    public void Gatec_sample_bivariate_beta_done_when()
    {
        var (code, output, error) = Gatec("sample", "BivariateBeta(2, 3, 1.5)", "-n", "200000", "--seed", "7", "--json");
        Assert.True(code == 0, error);
        using var doc = JsonDocument.Parse(output);
        var c = doc.RootElement.GetProperty("correlation");
        var (sample, reference, se) = (c.GetProperty("sample").GetDouble(), c.GetProperty("reference").GetDouble(), c.GetProperty("standardError").GetDouble());
        Assert.InRange(reference, 0.5825, 0.5835);
        TestBudget.Check(Math.Abs(sample - reference) <= MomentTest.TwoSidedZ(TestBudget.Alpha) * se, TestBudget.Alpha, $"gatec sample correlation (CLI): {sample} vs {reference}, SE {se}");
    }

    [Fact]
    public void Gatec_sample_defaults_and_usage_errors()
    {
        var (code, output, _) = Gatec("sample", "Gamma(2)", "-n", "1000");
        Assert.Equal(0, code);
        Assert.Contains("Gamma(shape = 2, rate = 1): n = 1000, seed = 0", output, StringComparison.Ordinal);
        Assert.Equal(2, Gatec("sample", "Gamma(2)", "--import", "more.gate").Code);
        Assert.Equal(2, Gatec("sample", "Gamma(2)", "-n", "2").Code);
        Assert.Equal(1, Gatec("sample", "Gamma(").Code);
        Assert.Equal(2, Gatec("sample").Code);
    }

    [Fact]
    public void Gatec_lists_sample_and_validate()
    {
        var (code, output, _) = Gatec("--help");
        Assert.Equal(0, code);
        Assert.Contains("sample", output, StringComparison.Ordinal);
        Assert.Contains("validate", output, StringComparison.Ordinal);
        Assert.Equal(0, Gatec("validate", "--help").Code);
    }
}
