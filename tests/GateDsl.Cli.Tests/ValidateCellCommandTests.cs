using GateDsl.Cli.Commands;
using GateDsl.Validation;
using GateDsl.Validation.Cells;

namespace GateDsl.Cli.Tests;

/// <summary>
/// <c>gatec validate --cell NAME FILE</c>: usage errors, files with errors, cells with nothing to
/// check, and the report's table (on a hand-made report). The statistical runs are tested in
/// GateDsl.Validation.Tests (Cells/CellLawValidationTests), where their budget is registered; these
/// tests draw nothing.
/// </summary>
public sealed class ValidateCellCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Cell_without_a_file_is_a_usage_error()
    {
        var result = Gatec.Run("validate", "--cell", "BBetaLSTM5G");

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Contains("gatec validate --cell NAME FILE", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_cell_is_a_usage_error()
    {
        var result = Gatec.Run("validate", RepoPaths.Stdlib("cells.gate"));

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Contains("only taken with --cell", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_a_usage_error()
    {
        var result = Gatec.Run("validate", "--cell", "C", Path.Combine(_temp.Path, "none.gate"));

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Contains("file not found", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_cell_is_a_usage_error_with_a_suggestion()
    {
        var result = Gatec.Run("validate", "--cell", "BBetaLSTM5g", RepoPaths.Stdlib("cells.gate"));

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Contains("did you mean 'BBetaLSTM5G'?", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_with_errors_prints_its_diagnostics_and_exits_1()
    {
        var file = _temp.Write("bad.gate", "cell C {\n  gate i = @\n}\n");

        var result = Gatec.Run("validate", "--cell", "C", file);

        Assert.True(result.ExitCode == ExitCodes.Failure, result.ToString());
        Assert.Contains("error GATE0003", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("LSTM", "all its gates are deterministic")]
    [InlineData("G2LSTM", "i: its law is unknown to the compiler; f: its law is unknown to the compiler")]
    public void A_cell_with_nothing_to_check_is_a_usage_error_saying_why(string cell, string why)
    {
        var result = Gatec.Run("validate", "--cell", cell, RepoPaths.Stdlib("cells.gate"));

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Contains($"cell {cell} has no stochastic gate whose law the compiler inferred", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(why, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_table_shows_every_check_its_probability_and_what_was_not_checked()
    {
        var report = new CellLawReport(
            "Demo",
            20_000,
            1e-6,
            5e-7,
            [new HeadSetting("small", [-2, -1.5])],
            [
                new CellCheckResult("small", "i", "Beta(a = 0.13, b = 0.2)", "law (KS)", 5e-7, new CheckOutcome(0.004, 0.02, true, "KolmogorovSmirnov"), TimeSpan.Zero),
                new CellCheckResult("small", "(i, f)", "BivariateBeta(a = 1, b = 2, c = 3)", "correlation (CLT)", 5e-7, new CheckOutcome(0.05, 0.03, false, "sample 0.4 vs reference 0.35"), TimeSpan.Zero),
                new CellCheckResult("small", "i", "Beta(a = 0.13, b = 0.2)", "evaluation step = exact mean", 0, new CheckOutcome(1e-16, 1e-8, true, "exact"), TimeSpan.Zero),
            ],
            [new UncheckedGate("o", "its law is unknown to the compiler")]);
        using var stdout = new StringWriter();
        var context = new CliContext(stdout, TextWriter.Null, useColor: false);

        ValidateCellCommand.Write(context.Console, report, "demo.gate");

        var lines = stdout.ToString().Split('\n');
        Assert.Contains(lines, l => l.StartsWith("Cell Demo (demo.gate)", StringComparison.Ordinal) && l.Contains("20000 draws per gate", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("heads small: -2, -1.5", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Beta(a = 0.13, b = 0.2)", StringComparison.Ordinal) && l.Contains("law (KS)", StringComparison.Ordinal) && l.Contains("5E-07", StringComparison.Ordinal) && l.Contains("pass", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("(i, f)", StringComparison.Ordinal) && l.Contains("FAIL", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("evaluation step = exact mean", StringComparison.Ordinal) && l.Contains("0 (exact)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("not checked: gate o: its law is unknown to the compiler.", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("3 checks, 1 failed.", StringComparison.Ordinal) && l.Contains("at most 1E-06", StringComparison.Ordinal));
    }
}
