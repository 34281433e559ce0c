namespace GateDsl.Cli.Tests;

/// <summary>Issue 10's smaller findings, each through gatec as a user meets it.</summary>
public sealed class SmallFindingsTests : IDisposable
{
    private const string Gates = "  gate f = sigmoid(linear)\n  gate o = sigmoid(linear)\n  candidate = tanh(linear)\n";

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_distribution_after_equals_suggests_drawing_the_gate_with_a_tilde()
    {
        var file = _temp.Write("a.gate", "import \"distributions.gate\"\ncell C {\n  gate i = Beta(1, 1)\n" + Gates + "}\n");

        var result = Gatec.Run("check", file);

        Assert.True(result.ExitCode == ExitCodes.Failure, result.ToString());
        Assert.Contains("(3,12): error GATE0210: 'Beta' is a distribution, not a function: draw the gate from it with `gate i ~ Beta(...)`", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 error, 0 warnings in 1 file", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_keyword_gets_a_did_you_mean()
    {
        var file = _temp.Write("b.gate", "cell C {\n  gate i = sigmoid(linear)\n  gate f = sigmoid(linear)\n  gate o = sigmoid(linear)\n  candidat = tanh(linear)\n}\n");

        var result = Gatec.Run("check", file);

        Assert.True(result.ExitCode == ExitCodes.Failure, result.ToString());
        Assert.Contains("(5,3): error GATE0001: unexpected `candidat`, expected a statement, `}` or `;`: did you mean 'candidate'?", result.Stdout, StringComparison.Ordinal);
    }

    /// <summary>The summary counts the files the diagnostics are in, imports included.</summary>
    [Fact]
    public void The_summary_counts_the_files_with_diagnostics()
    {
        _temp.Write("lib.gate", "const bad = 1 / 0\n");
        var main = _temp.Write("main.gate", "import \"lib.gate\"\ncell C {\n  let unused = 1\n  gate i = sigmoid(linear)\n" + Gates + "}\n");

        var result = Gatec.Run("check", main);

        Assert.True(result.ExitCode == ExitCodes.Failure, result.ToString());
        Assert.Contains("lib.gate(1,", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("main.gate(3,", result.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("in 2 files\n", result.Stdout.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    /// <summary>A file without cells is a library: its constants are for importers, so none is unused.</summary>
    [Fact]
    public void A_constant_in_a_file_without_cells_is_not_warned_as_unused()
    {
        var library = _temp.Write("library.gate", "const eps = 1e-3\ndistribution D(a: Positive) {\n  draw u ~ Gamma(a)\n  value u / (u + 1)\n}\n");
        var cell = _temp.Write("cell.gate", "const eps = 1e-3\ncell C {\n  gate i = sigmoid(linear)\n" + Gates + "}\n");

        var quiet = Gatec.Run("check", library);
        var warned = Gatec.Run("check", cell);

        Assert.True(quiet.ExitCode == ExitCodes.Success, quiet.ToString());
        Assert.Contains("0 errors, 0 warnings in 1 file", quiet.Stdout, StringComparison.Ordinal);
        Assert.Contains("warning GATE0902: constant 'eps' is never used", warned.Stdout, StringComparison.Ordinal);
    }

    /// <summary>A prior whose KL has no closed form is shown by describe as Monte Carlo.</summary>
    [Fact]
    public void Describe_flags_a_prior_without_a_closed_form_KL_as_Monte_Carlo()
    {
        var file = _temp.Write("kuma.gate", "import \"distributions.gate\"\ncell C {\n  gate i ~ Beta(softplus(linear) + 0.1, softplus(linear) + 0.1)\n" + Gates + "  prior i ~ Kumaraswamy(1, 1)\n}\n");

        var result = Gatec.Run("describe", file);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var row = Assert.Single(result.Stdout.Split('\n'), l => l.Contains("KL(Beta(a(i), b(i)) || Kumaraswamy(1, 1))", StringComparison.Ordinal));
        Assert.Contains("Monte Carlo: no closed form", row, StringComparison.Ordinal);
    }
}
