namespace GateDsl.Cli.Tests;

/// <summary>Runs gatec in-process and captures what it writes.</summary>
internal static class Gatec
{
    public static GatecResult Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = GatecApp.Run(args, stdout, stderr);
        return new GatecResult(exitCode, stdout.ToString(), stderr.ToString());
    }
}

/// <summary>An exit code and the captured output streams.</summary>
internal sealed record GatecResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
