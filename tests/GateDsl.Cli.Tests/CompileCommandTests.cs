using GateDsl.Compiler;
using GateDsl.Compiler.Backends.CSharp;

namespace GateDsl.Cli.Tests;

/// <summary>
/// <c>gatec compile</c>: it writes what the emitter writes, and bad input is a diagnostic (exit 1) or
/// a usage error (exit 2), never a stack trace. Whether the written C# compiles and computes what
/// the compiled cell computes is the compiler tests' business (tests/GateDsl.Compiler.Tests/CSharp).
/// </summary>
public sealed class CompileCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Writes_the_emitted_class_of_the_cell()
    {
        var output = Path.Combine(_temp.Path, "BBetaLSTM5GPrior.cs");
        var cells = RepoPaths.Stdlib("cells.gate");

        var result = Gatec.Run("compile", cells, "--cell", "BBetaLSTM5GPrior", "-o", output);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal(CSharpEmitter.Emit(GateCompiler.Compile(cells), "BBetaLSTM5GPrior"), File.ReadAllText(output));
        Assert.Contains($"wrote {output}: class GateDsl.Generated.BBetaLSTM5GPrior for cell BBetaLSTM5GPrior", result.Stdout);
        Assert.Equal(string.Empty, result.Stderr);
    }

    [Fact]
    public void Namespace_option_sets_the_namespace()
    {
        var output = Path.Combine(_temp.Path, "Cell.cs");

        var result = Gatec.Run("compile", RepoPaths.Stdlib("cells.gate"), "--cell", "CIFG", "--output", output, "--namespace", "My.Cells");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var text = File.ReadAllText(output);
        Assert.Contains("namespace My.Cells;", text);
        Assert.Contains("public sealed class CIFG :", text);
    }

    [Fact]
    public void A_file_with_errors_prints_its_diagnostics_exits_1_and_writes_nothing()
    {
        var file = _temp.Write("bad.gate", "cell C {\n  gate i = @\n}\n");
        var output = Path.Combine(_temp.Path, "C.cs");

        var result = Gatec.Run("compile", file, "--cell", "C", "-o", output);

        Assert.True(result.ExitCode == ExitCodes.Failure, result.ToString());
        Assert.Contains("error GATE", result.Stdout);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Unknown_cell_is_a_usage_error_with_a_suggestion()
    {
        var output = Path.Combine(_temp.Path, "C.cs");

        var result = Gatec.Run("compile", RepoPaths.Stdlib("cells.gate"), "--cell", "BBetaLSTM5", "-o", output);

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Contains("no cell 'BBetaLSTM5'", result.Stderr);
        Assert.Contains("cells in", result.Stderr);
        Assert.False(File.Exists(output));
    }

    [Theory]
    [InlineData("1a.b", "'1a' is not a C# name")]
    [InlineData("My.class", "'class' is a C# keyword")]
    [InlineData("a..b", "has an empty part")]
    public void A_namespace_that_is_not_one_is_a_usage_error(string ns, string message)
    {
        var output = Path.Combine(_temp.Path, "C.cs");

        var result = Gatec.Run("compile", RepoPaths.Stdlib("cells.gate"), "--cell", "LSTM", "-o", output, "--namespace", ns);

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Contains(message, result.Stderr);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void An_output_path_that_is_a_folder_or_in_a_missing_folder_is_a_usage_error()
    {
        var cells = RepoPaths.Stdlib("cells.gate");

        var folder = Gatec.Run("compile", cells, "--cell", "LSTM", "-o", _temp.Path);
        var missing = Gatec.Run("compile", cells, "--cell", "LSTM", "-o", Path.Combine(_temp.Path, "no", "C.cs"));
        var empty = Gatec.Run("compile", cells, "--cell", "LSTM", "-o", " ");

        Assert.True(folder.ExitCode == ExitCodes.Usage, folder.ToString());
        Assert.Contains("is a folder", folder.Stderr);
        Assert.True(missing.ExitCode == ExitCodes.Usage, missing.ToString());
        Assert.Contains("does not exist (gatec creates no folders)", missing.Stderr);
        Assert.True(empty.ExitCode == ExitCodes.Usage, empty.ToString());
        Assert.Contains("needs a file name", empty.Stderr);
    }

    [Theory]
    [InlineData("--cell")]
    [InlineData("--output")]
    public void Missing_required_options_are_usage_errors(string missing)
    {
        var args = new List<string> { "compile", RepoPaths.Stdlib("cells.gate") };
        if (missing != "--cell")
        {
            args.AddRange(["--cell", "LSTM"]);
        }

        if (missing != "--output")
        {
            args.AddRange(["-o", Path.Combine(_temp.Path, "C.cs")]);
        }

        var result = Gatec.Run(args.ToArray());

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Contains(missing, result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr + result.Stdout);
    }

    [Fact]
    public void A_missing_spec_file_is_a_usage_error()
    {
        var result = Gatec.Run("compile", Path.Combine(_temp.Path, "none.gate"), "--cell", "LSTM", "-o", Path.Combine(_temp.Path, "C.cs"));

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Contains("file not found", result.Stderr);
    }
}
