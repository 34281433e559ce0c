namespace GateDsl.Cli.Tests;

/// <summary>An exit code and the captured output streams.</summary>
internal sealed record GatecResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
