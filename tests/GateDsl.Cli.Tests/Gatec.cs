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
