using System.Text.Json;

namespace GateDsl.Cli.Tests;

public sealed class CheckCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Clean_stdlib_exits_0()
    {
        var result = Gatec.Run("check", RepoPaths.Stdlib("distributions.gate"), RepoPaths.Stdlib("cells.gate"));

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Contains("0 errors, 0 warnings in 2 files", result.Stdout);
    }

    [Fact]
    public void Syntax_error_exits_1_with_excerpt_and_caret()
    {
        var file = _temp.Write("bad.gate", "cell C {\n  gate i = @\n}\n");

        var result = Gatec.Run("check", file);

        Assert.True(result.ExitCode == ExitCodes.Failure, result.ToString());
        Assert.Contains($"{file}(2,12): error GATE0003: invalid character `@` (U+0040)", result.Stdout);
        Assert.Contains("  1 | cell C {\n  2 |   gate i = @\n    |            ^\n", result.Stdout);
        Assert.Matches(@"\d+ errors?, \d+ warnings? in 1 file\n", result.Stdout);
    }

    [Fact]
    public void Redirected_output_has_no_ansi_escape_codes()
    {
        var file = _temp.Write("bad.gate", "cell C {\n  gate i = @\n}\n");

        var result = Gatec.Run("check", file);

        Assert.DoesNotContain('\u001b', result.Stdout);
        Assert.DoesNotContain('\u001b', result.Stderr);
    }

    [Fact]
    public void No_files_is_a_usage_error()
    {
        var result = Gatec.Run("check");

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.NotEmpty(result.Stderr);
    }

    [Fact]
    public void Missing_file_is_a_usage_error_that_names_it()
    {
        var missing = Path.Combine(_temp.Path, "nowhere.gate");

        var result = Gatec.Run("check", RepoPaths.Stdlib("cells.gate"), missing);

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Contains($"file not found: {missing}", result.Stderr);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public void Unknown_option_is_a_usage_error()
    {
        var result = Gatec.Run("check", "--bogus", RepoPaths.Stdlib("cells.gate"));

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Contains("--bogus", result.Stderr);
    }

    [Fact]
    public void Unknown_command_is_a_usage_error()
    {
        var result = Gatec.Run("frobnicate");

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.StartsWith("gatec: unknown command 'frobnicate'; the commands are check, fmt, describe", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_exits_0()
    {
        var result = Gatec.Run("--help");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Contains("check", result.Stdout);
        Assert.Contains("describe", result.Stdout);
    }

    [Fact]
    public void Json_is_exactly_the_documented_shape_with_1_based_positions()
    {
        var file = _temp.Write("bad.gate", "cell C {\n  gate i = @\n}\n");

        var result = Gatec.Run("check", "--json", file);

        Assert.True(result.ExitCode == ExitCodes.Failure, result.ToString());
        using var document = JsonDocument.Parse(result.Stdout);
        var root = document.RootElement;
        Assert.Equal(new[] { "diagnostics" }, root.EnumerateObject().Select(p => p.Name));
        var diagnostics = root.GetProperty("diagnostics").EnumerateArray().ToList();
        Assert.NotEmpty(diagnostics);
        foreach (var diagnostic in diagnostics)
        {
            Assert.Equal(
                new[] { "code", "severity", "file", "line", "column", "endLine", "endColumn", "message" },
                diagnostic.EnumerateObject().Select(p => p.Name));
            Assert.Contains(diagnostic.GetProperty("severity").GetString(), new[] { "error", "warning" });
            Assert.True(diagnostic.GetProperty("line").GetInt32() >= 1);
            Assert.True(diagnostic.GetProperty("column").GetInt32() >= 1);
        }

        var bad = Assert.Single(diagnostics, d => d.GetProperty("code").GetString() == "GATE0003");
        Assert.Equal("error", bad.GetProperty("severity").GetString());
        Assert.Equal(file, bad.GetProperty("file").GetString());
        Assert.Equal(2, bad.GetProperty("line").GetInt32());
        Assert.Equal(12, bad.GetProperty("column").GetInt32());
        Assert.Equal(2, bad.GetProperty("endLine").GetInt32());
        Assert.Equal(13, bad.GetProperty("endColumn").GetInt32());
        Assert.Equal("invalid character `@` (U+0040)", bad.GetProperty("message").GetString());
    }

    [Fact]
    public void Json_of_a_clean_file_is_an_empty_list_and_nothing_else()
    {
        var result = Gatec.Run("check", "--json", RepoPaths.Stdlib("cells.gate"));

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal("{\"diagnostics\":[]}", result.Stdout.TrimEnd());
    }

    [Fact]
    public void Json_keeps_apostrophes_readable()
    {
        var file = _temp.Write("bad.gate", "cell C {\n  gate i = @\n}\n");

        var result = Gatec.Run("check", "--json", file);

        Assert.DoesNotContain("\\u0060", result.Stdout);
        Assert.Contains("`@`", result.Stdout);
    }

    [Fact]
    public void Json_names_an_imported_file_by_its_import_path()
    {
        _temp.Write("lib.gate", "// a helper with a bad character\nconst scale = 2 @\n");
        var main = _temp.Write("main.gate", "import \"lib.gate\"\n\ncell C {\n  gate i = sigmoid(linear * scale)\n  gate f = sigmoid(linear)\n  gate o = sigmoid(linear)\n  candidate = tanh(linear)\n}\n");

        var result = Gatec.Run("check", "--json", main);

        Assert.True(result.ExitCode == ExitCodes.Failure, result.ToString());
        using var document = JsonDocument.Parse(result.Stdout);
        var bad = Assert.Single(document.RootElement.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("code").GetString() == "GATE0003");
        Assert.Equal("lib.gate", Path.GetFileName(bad.GetProperty("file").GetString()));
        Assert.Equal(2, bad.GetProperty("line").GetInt32());
        Assert.Equal(17, bad.GetProperty("column").GetInt32());
    }

    [Fact]
    public void Diagnostics_of_several_files_are_all_printed_with_one_summary()
    {
        var first = _temp.Write("a.gate", "cell A {\n  gate i = @\n}\n");
        var second = _temp.Write("b.gate", "cell B {\n  gate i = $\n}\n");

        var result = Gatec.Run("check", first, second);

        Assert.True(result.ExitCode == ExitCodes.Failure, result.ToString());
        Assert.Contains($"{first}(2,12): error GATE0003", result.Stdout);
        Assert.Contains($"{second}(2,12): error GATE0003", result.Stdout);
        Assert.Matches(@"in 2 files\n$", result.Stdout);
    }
}
