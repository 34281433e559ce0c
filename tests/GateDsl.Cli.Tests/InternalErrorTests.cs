namespace GateDsl.Cli.Tests;

public sealed class InternalErrorTests
{
    [Fact]
    public void An_unexpected_exception_is_exit_3_with_one_line_and_no_stack_trace()
    {
        using var stderr = new StringWriter();

        var exitCode = GatecApp.Run(new[] { "check", RepoPaths.Stdlib("cells.gate") }, new ThrowingWriter(), stderr);

        Assert.Equal(ExitCodes.InternalError, exitCode);
        Assert.Equal("gatec: internal error: the disk is on fire\n", stderr.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("check", "--help")]
    [InlineData("fmt", "--help")]
    [InlineData("describe", "--help")]
    [InlineData("--version")]
    public void Help_and_version_exit_0(params string[] args)
    {
        var result = Gatec.Run(args);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.NotEmpty(result.Stdout);
    }

    private sealed class ThrowingWriter : StringWriter
    {
        public override void Write(char value) => throw new InvalidOperationException("the disk is on fire");

        public override void Write(string? value) => throw new InvalidOperationException("the disk is on fire");

        public override void WriteLine(string? value) => throw new InvalidOperationException("the disk is on fire");
    }
}
