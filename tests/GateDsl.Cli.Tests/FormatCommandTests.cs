using GateDsl.Language.Formatting;
using GateDsl.Language.Syntax;

namespace GateDsl.Cli.Tests;

public sealed class FormatCommandTests : IDisposable
{
    private const string Messy = "cell   CIFG{gate i=sigmoid( linear ) gate f = 1-i\n      gate o=sigmoid(linear)    candidate=tanh(linear)}\n";

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Check_on_a_formatted_file_exits_0_and_leaves_it_alone()
    {
        var canonical = GateFormatter.Format(SyntaxTree.Parse(Messy));
        var file = _temp.Write("tidy.gate", canonical);
        var before = File.GetLastWriteTimeUtc(file);

        var result = Gatec.Run("fmt", "--check", file);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal(canonical, File.ReadAllText(file));
        Assert.Equal(before, File.GetLastWriteTimeUtc(file));
    }

    [Fact]
    public void Check_on_an_unformatted_file_exits_1_lists_it_and_changes_nothing()
    {
        var file = _temp.Write("messy.gate", Messy);

        var result = Gatec.Run("fmt", "--check", file);

        Assert.True(result.ExitCode == ExitCodes.Failure, result.ToString());
        Assert.Contains(file, result.Stdout);
        Assert.Equal(Messy, File.ReadAllText(file));
    }

    [Fact]
    public void Fmt_rewrites_in_place_and_then_check_passes()
    {
        var file = _temp.Write("messy.gate", Messy);

        var first = Gatec.Run("fmt", file);
        var second = Gatec.Run("fmt", "--check", file);

        Assert.True(first.ExitCode == ExitCodes.Success, first.ToString());
        Assert.Equal(GateFormatter.Format(SyntaxTree.Parse(Messy)), File.ReadAllText(file));
        Assert.True(second.ExitCode == ExitCodes.Success, second.ToString());
    }

    [Fact]
    public void A_file_with_syntax_errors_is_not_touched_and_its_diagnostics_are_printed()
    {
        const string broken = "cell C {\n  gate i = sigmoid(linear) +\n}\n";
        var file = _temp.Write("broken.gate", broken);

        var result = Gatec.Run("fmt", file);

        Assert.True(result.ExitCode == ExitCodes.Failure, result.ToString());
        Assert.Equal(broken, File.ReadAllText(file));
        Assert.Contains("error GATE0001", result.Stdout);
        Assert.Contains("^", result.Stdout);
    }

    [Fact]
    public void Missing_file_is_a_usage_error()
    {
        var result = Gatec.Run("fmt", Path.Combine(_temp.Path, "nowhere.gate"));

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Contains("nowhere.gate", result.Stderr);
    }

    /// <summary>A file in the canonical layout with CRLF line endings is canonical: --check passes and fmt leaves it alone.</summary>
    [Fact]
    public void A_canonical_file_with_crlf_line_endings_passes_check_and_is_not_rewritten()
    {
        var crlf = GateFormatter.Format(SyntaxTree.Parse(Messy)).Replace("\n", "\r\n", StringComparison.Ordinal);
        var file = _temp.Write("windows.gate", crlf);
        var before = File.GetLastWriteTimeUtc(file);

        var check = Gatec.Run("fmt", "--check", file);
        var format = Gatec.Run("fmt", file);

        Assert.True(check.ExitCode == ExitCodes.Success, check.ToString());
        Assert.True(format.ExitCode == ExitCodes.Success, format.ToString());
        Assert.Contains("0 files reformatted", format.Stdout, StringComparison.Ordinal);
        Assert.Equal(crlf, File.ReadAllText(file));
        Assert.Equal(before, File.GetLastWriteTimeUtc(file));
    }

    /// <summary>Formatting a CRLF file writes the canonical layout with CRLF line endings (no LF-only line).</summary>
    [Fact]
    public void Fmt_keeps_crlf_line_endings()
    {
        var file = _temp.Write("messy-windows.gate", Messy.Replace("\n", "\r\n", StringComparison.Ordinal));

        var result = Gatec.Run("fmt", file);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var text = File.ReadAllText(file);
        Assert.Equal(GateFormatter.Format(SyntaxTree.Parse(Messy)).Replace("\n", "\r\n", StringComparison.Ordinal), text);
        Assert.DoesNotMatch("(?<!\r)\n", text);
    }

    [Theory]
    [InlineData("cell C {}\r\n", "\r\n")]
    [InlineData("cell C {}\n", "\n")]
    [InlineData("cell C {}", "\n")]
    [InlineData("// one\r\n// two\n", "\r\n")]
    public void The_line_ending_of_a_file_is_that_of_its_first_line_break(string text, string expected) =>
        Assert.Equal(expected, LineEndings.Of(text));
}
