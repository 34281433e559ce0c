using GateDsl.Cli.Rendering;
using GateDsl.Language.Diagnostics;
using GateDsl.Language.Text;

namespace GateDsl.Cli.Tests;

public sealed class DiagnosticRendererTests
{
    [Fact]
    public void Renders_header_gutter_and_carets_under_the_span()
    {
        var source = new SourceText("cell C {\n  draw g ~ Gamma(linear)\n}\n", "c.gate");
        var start = source.Text.IndexOf("linear", StringComparison.Ordinal);
        var diagnostic = new Diagnostic(DiagnosticCatalog.ArgumentSupportMismatch, source, new TextSpan(start, 6), "a Gamma shape", "Positive", "Real", ": wrap it in softplus(...)");

        var text = DiagnosticRenderer.Render(diagnostic);

        Assert.Equal(
            "c.gate(2,18): error GATE0301: a Gamma shape must be Positive, but this is Real: wrap it in softplus(...)\n" +
            "  1 | cell C {\n" +
            "  2 |   draw g ~ Gamma(linear)\n" +
            "    |                  ^~~~~~\n" +
            "\n",
            text);
    }

    [Fact]
    public void A_multi_line_span_is_underlined_to_the_end_of_its_first_line()
    {
        var source = new SourceText("cell C {\n  gate i = sigmoid(linear +\n    linear)\n}\n", "c.gate");
        var start = source.Text.IndexOf("sigmoid", StringComparison.Ordinal);
        var end = source.Text.IndexOf("linear)", StringComparison.Ordinal) + 7;
        var diagnostic = new Diagnostic(DiagnosticCatalog.GateNotUnitInterval, source, TextSpan.FromBounds(start, end), "i", "Real", string.Empty);

        var text = DiagnosticRenderer.Render(diagnostic);

        Assert.Contains("  2 |   gate i = sigmoid(linear +\n    |            ^~~~~~~~~~~~~~~~\n", text);
    }

    [Fact]
    public void Tabs_in_the_indent_are_kept_so_carets_line_up()
    {
        var source = new SourceText("cell C {\n\tgate q = linear\n}\n", "c.gate");
        var start = source.Text.IndexOf('q');
        var diagnostic = new Diagnostic(DiagnosticCatalog.UnknownGate, source, new TextSpan(start, 1), "q", string.Empty);

        var text = DiagnosticRenderer.Render(diagnostic);

        Assert.Contains("  2 | \tgate q = linear\n    | \t     ^\n", text);
    }

    [Fact]
    public void An_empty_span_at_the_end_of_the_file_gets_one_caret()
    {
        var source = new SourceText("cell C {", "c.gate");
        var diagnostic = new Diagnostic(DiagnosticCatalog.UnexpectedToken, source, new TextSpan(source.Length, 0), "end of file", "`}`");

        var text = DiagnosticRenderer.Render(diagnostic);

        Assert.Contains("  1 | cell C {\n    |         ^\n", text);
    }

    [Fact]
    public void The_gutter_widens_with_the_line_number()
    {
        var source = new SourceText(string.Concat(Enumerable.Repeat("\n", 11)) + "x\n", "c.gate");
        var diagnostic = new Diagnostic(DiagnosticCatalog.UnexpectedToken, source, new TextSpan(11, 1), "`x`", "end of file");

        var text = DiagnosticRenderer.Render(diagnostic);

        Assert.Contains("  12 | x\n     | ^\n", text);
    }

    [Theory]
    [InlineData(0, 0, 1, "0 errors, 0 warnings in 1 file")]
    [InlineData(1, 1, 2, "1 error, 1 warning in 2 files")]
    [InlineData(2, 3, 3, "2 errors, 3 warnings in 3 files")]
    public void Summary_counts_with_plurals(int errors, int warnings, int files, string expected)
    {
        // The diagnostics are spread over `files` files; the summary counts the files they are in.
        var sources = Enumerable.Range(0, files).Select(i => new SourceText("x", $"c{i}.gate")).ToList();
        var diagnostics = Enumerable.Repeat(DiagnosticCatalog.UndefinedName, errors)
            .Concat(Enumerable.Repeat(DiagnosticCatalog.UnusedDraw, warnings))
            .Select((d, i) => new Diagnostic(d, sources[i % files], new TextSpan(0, 1), "x", string.Empty))
            .ToList();

        Assert.Equal(expected, DiagnosticRenderer.Summary(diagnostics, files));
    }

    [Fact]
    public void Summary_counts_the_files_the_diagnostics_are_in_not_the_files_given()
    {
        var source = new SourceText("x", "imported.gate");
        var diagnostics = new[] { new Diagnostic(DiagnosticCatalog.UndefinedName, source, new TextSpan(0, 1), "x", string.Empty) };

        Assert.Equal("1 error, 0 warnings in 1 file", DiagnosticRenderer.Summary(diagnostics, checkedFiles: 3));
    }

    /// <summary>A 6,000-column line shows a window around the span with the caret under it, not the whole line.</summary>
    [Fact]
    public void A_very_long_line_shows_a_window_around_the_span()
    {
        var padding = string.Concat(Enumerable.Repeat("let a = 1 ", 300));
        var line = "  " + padding + "draw g ~ Gamma(linear) " + padding;
        var source = new SourceText("cell C {\n" + line + "\n}\n", "long.gate");
        var start = source.Text.IndexOf("linear", StringComparison.Ordinal);
        var diagnostic = new Diagnostic(DiagnosticCatalog.ArgumentSupportMismatch, source, new TextSpan(start, 6), "a Gamma shape", "Positive", "Real", string.Empty);

        var lines = DiagnosticRenderer.Render(diagnostic).Split('\n');

        Assert.Equal(
            "  2 | ... = 1 let a = 1 draw g ~ Gamma(linear) let a = 1 let a = 1 let a = 1 let a = 1 let a = 1 let a = 1 le...",
            lines[2]);
        Assert.Equal("    |                                  ^~~~~~", lines[3]);
        Assert.True(lines.Max(l => l.Length) < 200 + diagnostic.ToString().Length);
        Assert.Equal("  1 | cell C {", lines[1]);
    }

    [Fact]
    public void A_span_near_the_start_of_a_long_line_shows_its_start_uncut()
    {
        var line = "  draw g ~ Gamma(linear) " + string.Concat(Enumerable.Repeat("let a = 1 ", 300));
        var source = new SourceText(line + "\n", "long.gate");
        var start = source.Text.IndexOf("linear", StringComparison.Ordinal);
        var diagnostic = new Diagnostic(DiagnosticCatalog.ArgumentSupportMismatch, source, new TextSpan(start, 6), "a Gamma shape", "Positive", "Real", string.Empty);

        var lines = DiagnosticRenderer.Render(diagnostic).Split('\n');

        Assert.StartsWith("  1 |   draw g ~ Gamma(linear) let a = 1", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("...", lines[1], StringComparison.Ordinal);
        Assert.Equal("    |                  ^~~~~~", lines[2]);
    }
}
