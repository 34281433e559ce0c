using GateDsl.Cli.Commands;

namespace GateDsl.Validation.Tests;

public sealed class ValidateCommandTests
{
    /// <summary>
    /// The quick suite against the real toolkit: exit 0. Run with 5e-7 of this project's 1e-6 budget
    /// (each of its statistical checks gets 5e-7 / their number; see <see cref="TestBudget"/>).
    /// </summary>
    [Fact]
    public void Quick_suite_passes_for_the_toolkit_with_a_summary_table()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = ValidateCommandRunner.Run(true, output, error, interactive: false, falseFailureBudget: TestBudget.QuickSuite);
        TestBudget.Check(code == 0, ValidationSuite.Create(SuiteSize.Quick, TestBudget.QuickSuite).TotalFalseFailureProbability, $"quick validation suite (exit {code}): {error}");
        var text = output.ToString();
        foreach (var header in new[] { "distribution", "property", "statistic", "bound", "verdict" })
        {
            Assert.Contains(header, text, StringComparison.Ordinal);
        }

        Assert.Contains("0 failed", text, StringComparison.Ordinal);
        Assert.Matches(@"\[ *1/\d+\] pass", text);
        Assert.DoesNotContain("FAIL", text, StringComparison.Ordinal);
        foreach (var e in DistributionCatalogue.All)
        {
            Assert.Contains(e.Describe(e.ExampleParameters), text, StringComparison.Ordinal);
        }
    }
}
