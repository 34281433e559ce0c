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

    [Fact]
    public void An_internal_error_prints_only_the_first_line_of_its_message()
    {
        // TorchSharp puts libtorch's native backtrace after the first line of the message.
        const string native = "[enforce fail at alloc_cpu.cpp:117] data. DefaultCPUAllocator: not enough memory\n" +
            "frame #0: c10::ThrowEnforceNotMet(char const*, int, char const*, std::string const&, void const*) + 0x55 (0x7f in libc10.so)\n" +
            "frame #1: c10::alloc_cpu(unsigned long) + 0x2f (0x7f in libc10.so)\n";
        using var stderr = new StringWriter();

        var exitCode = GatecApp.Run(new[] { "check", RepoPaths.Stdlib("cells.gate") }, new ThrowingWriter(native), stderr);

        Assert.Equal(ExitCodes.InternalError, exitCode);
        Assert.Equal(
            "gatec: internal error: [enforce fail at alloc_cpu.cpp:117] data. DefaultCPUAllocator: not enough memory\n",
            stderr.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
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

    private sealed class ThrowingWriter(string message = "the disk is on fire") : StringWriter
    {
        public override void Write(char value) => throw new InvalidOperationException(message);

        public override void Write(string? value) => throw new InvalidOperationException(message);

        public override void WriteLine(string? value) => throw new InvalidOperationException(message);
    }
}
