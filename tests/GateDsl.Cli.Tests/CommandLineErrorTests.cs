namespace GateDsl.Cli.Tests;

/// <summary>Mistakes on the command line, in one style: one line each, what was meant or expected, exit 2.</summary>
public sealed class CommandLineErrorTests
{
    [Theory]
    [InlineData(new[] { "chek", "x.gate" }, "gatec: unknown command 'chek': did you mean 'check'?")]
    [InlineData(new[] { "descirbe" }, "gatec: unknown command 'descirbe': did you mean 'describe'?")]
    [InlineData(new[] { "check", "--jsn", "x.gate" }, "gatec: unknown option '--jsn' for gatec check: did you mean '--json'?")]
    [InlineData(new[] { "sample", "Beta(1, 2)", "--jsn" }, "gatec: unknown option '--jsn' for gatec sample: did you mean '--json'?")]
    [InlineData(new[] { "describe", "x.gate", "--cel", "LSTM" }, "gatec: unknown option '--cel' for gatec describe: did you mean '--cell'?")]
    public void Unknown_commands_and_options_are_one_line_with_the_closest_name(string[] args, string line)
    {
        var result = Gatec.Run(args);

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Equal(line + "\n", Lf(result.Stderr));
    }

    [Fact]
    public void An_unknown_command_with_nothing_close_lists_the_commands()
    {
        var result = Gatec.Run("frobnicate");

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Equal("gatec: unknown command 'frobnicate'; the commands are check, fmt, describe, compile, bench, sample, validate, train, evaluate, compare, data\n", Lf(result.Stderr));
    }

    /// <summary>A value of the wrong type says what was expected in words, never a .NET type name.</summary>
    [Theory]
    [InlineData(new[] { "sample", "Beta(1, 2)", "--seed", "abc" }, "gatec: --seed must be a whole number (got 'abc')")]
    [InlineData(new[] { "sample", "Beta(1, 2)", "-n", "2.5" }, "gatec: -n must be a whole number (got '2.5')")]
    [InlineData(new[] { "bench", "--rounds", "many" }, "gatec: --rounds must be a whole number (got 'many')")]
    [InlineData(new[] { "bench", "--rounds", "99999999999" }, "gatec: --rounds must be a whole number from -2147483648 to 2147483647 (got '99999999999')")]
    public void A_value_of_the_wrong_type_says_what_was_expected(string[] args, string line)
    {
        var result = Gatec.Run(args);

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Equal(line + "\n", Lf(result.Stderr));
        Assert.DoesNotContain("System.", result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>After <c>--</c> a token that looks like an option is a file name (here one that does not exist).</summary>
    [Fact]
    public void Double_dash_ends_the_options()
    {
        var before = Gatec.Run("check", "--odd.gate");
        var after = Gatec.Run("check", "--", "--odd.gate");

        Assert.True(before.ExitCode == ExitCodes.Usage, before.ToString());
        Assert.StartsWith("gatec: unknown option '--odd.gate' for gatec check", before.Stderr, StringComparison.Ordinal);
        Assert.True(after.ExitCode == ExitCodes.Usage, after.ToString());
        Assert.Equal("gatec: file not found: --odd.gate\n", Lf(after.Stderr));
    }

    private static string Lf(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
