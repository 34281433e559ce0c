namespace GateDsl.Packaging.Tests;

/// <summary>What a child process did: its command line, exit code, combined output and wall-clock time.</summary>
internal sealed record CommandResult(string CommandLine, int ExitCode, string Output, TimeSpan Elapsed)
{
    /// <summary>The command, its exit code and the last lines of its output, for assertion messages.</summary>
    public string Describe(int lines = 60)
    {
        var all = Output.Split('\n');
        var tail = string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
        return $"`{CommandLine}` exited with {ExitCode} after {Elapsed.TotalSeconds:0} s; last {Math.Min(lines, all.Length)} lines of output:\n{tail}";
    }
}
