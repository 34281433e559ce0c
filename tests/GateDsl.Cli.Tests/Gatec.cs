namespace GateDsl.Cli.Tests;

/// <summary>Runs gatec in-process and captures what it writes.</summary>
internal static class Gatec
{
    /// <summary>Output redirected: no colour, no width limit (as <c>gatec ... | cat</c>).</summary>
    public static GatecResult Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = GatecApp.Run(args, stdout, stderr);
        return new GatecResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Output redirected with tables fitted to <paramref name="width"/> columns (as <c>COLUMNS=80 gatec ... | cat</c>).</summary>
    public static GatecResult RunAt(int width, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = GatecApp.Run(args, stdout, stderr, width);
        return new GatecResult(exitCode, stdout.ToString(), stderr.ToString());
    }
}
