using System.Text.Json;

namespace GateDsl.Cli.Tests;

/// <summary>
/// The front of <c>gatec sample</c>: the expression is bound by the language, so a bad one prints
/// diagnostics exactly as <c>gatec check</c> does (path <c>&lt;expr&gt;</c>, columns of the
/// expression, excerpt and caret; <c>{"diagnostics":[...]}</c> with --json) and exits 1. None of
/// these tests samples anything.
/// </summary>
public sealed class SampleCommandTests
{
    [Fact]
    public void Syntax_error_shows_excerpt_and_caret_under_the_expression_and_exits_1()
    {
        var result = Gatec.Run("sample", "Beta(1, 2");

        Assert.True(result.ExitCode == ExitCodes.Failure, result.ToString());
        Assert.Contains("<expr>(1,10): error GATE0001: unexpected end of file, expected `,` or `)`\n  1 | Beta(1, 2\n    |          ^\n", result.Stdout);
        Assert.Contains("1 error: nothing sampled", result.Stdout);
        Assert.Equal(string.Empty, result.Stderr);
    }

    [Fact]
    public void Trailing_text_after_the_call_is_a_syntax_error_at_its_column()
    {
        var result = Gatec.Run("sample", "Beta(1, 2) + 1");

        Assert.True(result.ExitCode == ExitCodes.Failure, result.ToString());
        Assert.Contains("<expr>(1,12): error GATE0001: unexpected `+`, expected end of file\n  1 | Beta(1, 2) + 1\n    |            ^\n", result.Stdout);
    }

    [Fact]
    public void Unknown_distribution_suggests_the_close_name_under_its_span()
    {
        var result = Gatec.Run("sample", "Betta(1, 2)");

        Assert.True(result.ExitCode == ExitCodes.Failure, result.ToString());
        Assert.Contains("<expr>(1,1): error GATE0203: unknown distribution 'Betta': did you mean 'Beta'?\n  1 | Betta(1, 2)\n    | ^~~~~\n", result.Stdout);
    }

    [Fact]
    public void Json_diagnostics_have_the_shape_of_check_and_the_expressions_columns()
    {
        var result = Gatec.Run("sample", "  Kumaraswami(2, 3)", "--json");

        Assert.True(result.ExitCode == ExitCodes.Failure, result.ToString());
        using var doc = JsonDocument.Parse(result.Stdout);
        Assert.Equal(["diagnostics"], doc.RootElement.EnumerateObject().Select(p => p.Name));
        var d = Assert.Single(doc.RootElement.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("GATE0203", d.GetProperty("code").GetString());
        Assert.Equal("error", d.GetProperty("severity").GetString());
        Assert.Equal("<expr>", d.GetProperty("file").GetString());
        Assert.Equal((1, 3, 1, 14), (d.GetProperty("line").GetInt32(), d.GetProperty("column").GetInt32(), d.GetProperty("endLine").GetInt32(), d.GetProperty("endColumn").GetInt32()));
        Assert.Equal("unknown distribution 'Kumaraswami': did you mean 'Kumaraswamy'?", d.GetProperty("message").GetString());
    }

    [Fact]
    public void Argument_outside_its_support_is_a_diagnostic()
    {
        var result = Gatec.Run("sample", "Beta(-1, 2)");

        Assert.True(result.ExitCode == ExitCodes.Failure, result.ToString());
        Assert.Contains("<expr>(1,6): error GATE0301: Beta's parameter 'a' must be Positive, but this is -1\n  1 | Beta(-1, 2)\n    |      ^~\n", result.Stdout);
    }

    [Fact]
    public void Imported_distributions_join_the_did_you_mean()
    {
        var without = Gatec.Run("sample", "Dirichlet3(1, 2, 3)");
        Assert.True(without.ExitCode == ExitCodes.Failure, without.ToString());
        Assert.Contains("error GATE0203: unknown distribution 'Dirichlet3'", without.Stdout);

        var with = Gatec.Run("sample", "Dirichlet(1, 2, 3)", "--import", RepoPaths.Examples("correlated_gates.gate"));
        Assert.True(with.ExitCode == ExitCodes.Failure, with.ToString());
        Assert.Contains("<expr>(1,1): error GATE0203: unknown distribution 'Dirichlet': did you mean 'Dirichlet3'?", with.Stdout);
    }

    [Theory]
    [InlineData("Beta(1, 2)", "--import", "missing.gate")]
    [InlineData("Beta(1, 2)", "-n", "2")]
    [InlineData("Beta(1, 2)", "--bogus")]
    public void Usage_errors_exit_2(params string[] args)
    {
        var result = Gatec.Run(["sample", .. args]);

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Equal(string.Empty, result.Stdout);
        Assert.NotEmpty(result.Stderr);
    }

    [Theory]
    [InlineData("2000000000", "gatec: -n must be at most 50,000,000 (got 2,000,000,000); the limit keeps a sample in memory.")]
    [InlineData("50000001", "gatec: -n must be at most 50,000,000 (got 50,000,001); the limit keeps a sample in memory.")]
    [InlineData("30000000000", "gatec: -n must be at most 50,000,000 (got 30,000,000,000); the limit keeps a sample in memory.")]
    [InlineData("abc", "gatec: -n must be a whole number (got 'abc')")]
    [InlineData("-5", "gatec: -n must be at least 3 (got -5).")]
    public void A_sample_size_outside_3_to_the_maximum_is_a_usage_error_before_anything_is_drawn(string n, string message)
    {
        var result = Gatec.Run("sample", "Beta(2, 3)", "-n", n);

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Equal(string.Empty, result.Stdout);
        Assert.StartsWith(message + "\n", Lf(result.Stderr), StringComparison.Ordinal);
        Assert.DoesNotContain("System.", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_maximum_sample_size_is_the_documented_one()
    {
        Assert.Equal(50_000_000, Sampling.SampleCommandRunner.MaxDraws);
        Assert.Null(Sampling.SampleCommandRunner.DrawCountProblem(Sampling.SampleCommandRunner.MaxDraws));
        Assert.Null(Sampling.SampleCommandRunner.DrawCountProblem(3));
    }

    [Fact]
    public void An_empty_plot_path_is_a_usage_error()
    {
        var result = Gatec.Run("sample", "Beta(2, 3)", "-n", "10", "--plot", "");

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Equal("gatec: --plot needs a file name, e.g. --plot sample.png (got an empty path)\n", Lf(result.Stderr));
    }

    [Fact]
    public void A_plot_path_in_a_missing_folder_is_a_usage_error_and_no_folder_is_created()
    {
        using var temp = new TempDirectory();
        var missing = Path.Combine(temp.Path, "no", "such");
        var path = Path.Combine(missing, "x.png");

        var result = Gatec.Run("sample", "Beta(2, 3)", "-n", "10", "--plot", path);

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Equal($"gatec: --plot `{path}`: the folder {missing} does not exist (gatec does not create folders)\n", Lf(result.Stderr));
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "no")));
    }

    [Fact]
    public void A_plot_path_that_is_a_folder_is_a_usage_error()
    {
        using var temp = new TempDirectory();

        var result = Gatec.Run("sample", "Beta(2, 3)", "-n", "10", "--plot", temp.Path);

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Equal(string.Empty, result.Stdout);
        Assert.StartsWith($"gatec: --plot `{temp.Path}` is a folder", Lf(result.Stderr), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    /// <summary>
    /// A value the binder accepts but the sampler rejects when it runs is reported as the compiler
    /// reports its own errors: a diagnostic under the argument at fault, exit 1.
    /// </summary>
    [Theory]
    [InlineData("Uniform(2, 1)", "<expr>(1,12): error GATE0312: the sampler rejects this value: Uniform: high must be > low (Range: low < high); got low = 2, high = 1 at index 0\n  1 | Uniform(2, 1)\n    |            ^\n")]
    [InlineData("Uniform(1,  1)", "<expr>(1,13): error GATE0312: the sampler rejects this value: Uniform: high must be > low (Range: low < high); got low = 1, high = 1 at index 0\n  1 | Uniform(1,  1)\n    |             ^\n")]
    public void Parameter_values_a_sampler_rejects_are_a_diagnostic_under_the_argument_and_exit_1(string expression, string diagnostic)
    {
        var result = Gatec.Run("sample", expression, "-n", "10");

        Assert.True(result.ExitCode == ExitCodes.Failure, result.ToString());
        Assert.Equal(diagnostic + "\n1 error: nothing sampled\n", Lf(result.Stdout));
        Assert.Equal(string.Empty, result.Stderr);
    }

    [Fact]
    public void A_rejected_parameter_value_in_json_is_a_diagnostic_as_check_prints_it()
    {
        var result = Gatec.Run("sample", "Uniform(2, 1)", "-n", "10", "--json");

        Assert.True(result.ExitCode == ExitCodes.Failure, result.ToString());
        using var doc = JsonDocument.Parse(result.Stdout);
        var d = Assert.Single(doc.RootElement.GetProperty("diagnostics").EnumerateArray().ToList());
        Assert.Equal("GATE0312", d.GetProperty("code").GetString());
        Assert.Equal(12, d.GetProperty("column").GetInt32());
        Assert.Equal(13, d.GetProperty("endColumn").GetInt32());
    }

    [Theory]
    [InlineData("plot.jpg", ".jpg")]
    [InlineData("plot", "no extension")]
    [InlineData("plot.pdf", ".pdf")]
    public void A_plot_path_with_an_extension_gatec_cannot_write_is_a_usage_error(string name, string got)
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, name);

        var result = Gatec.Run("sample", "Beta(2, 3)", "-n", "10", "--plot", path);

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Equal($"gatec: --plot writes .png or .svg files (got {got} in `{path}`), e.g. --plot sample.png\n", Lf(result.Stderr));
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    private static string Lf(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
