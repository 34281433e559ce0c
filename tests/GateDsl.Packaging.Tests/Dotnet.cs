using System.Diagnostics;
using System.Text;

namespace GateDsl.Packaging.Tests;

/// <summary>
/// Runs the <c>dotnet</c> CLI (or a program it installed) as a child process, the way a user types it.
/// The child gets this machine's environment minus what the test host adds (MSBuild and VSTest
/// variables would point it at the test run's own MSBuild), with no build servers or reused nodes,
/// so nothing outlives the command and holds its output open.
/// </summary>
internal static class Dotnet
{
    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/>.</summary>
    public static CommandResult Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment, TimeSpan timeout, params string[] arguments)
        => Execute("dotnet", workingDirectory, environment, timeout, arguments);

    /// <summary>Runs <paramref name="program"/> (a path) with <paramref name="arguments"/>.</summary>
    public static CommandResult Execute(string program, string workingDirectory, IReadOnlyDictionary<string, string>? environment, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var key in start.Environment.Keys.ToList())
        {
            if (key.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("TESTINGPLATFORM", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(key);
            }
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["UseSharedCompilation"] = "false";
        start.Environment["NO_COLOR"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var commandLine = program + " " + string.Join(' ', arguments.Select(a => a.Contains(' ') ? $"\"{a}\"" : a));
        var output = new StringBuilder();
        var endOfOutput = new CountdownEvent(2);
        using var process = new Process { StartInfo = start };
        DataReceivedEventHandler collect = (_, e) =>
        {
            if (e.Data is null)
            {
                endOfOutput.Signal();
                return;
            }

            lock (output)
            {
                output.Append(e.Data).Append('\n');
            }
        };
        process.OutputDataReceived += collect;
        process.ErrorDataReceived += collect;
        var clock = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(30));
            lock (output)
            {
                throw new TimeoutException($"`{commandLine}` did not finish within {timeout.TotalMinutes:0} minutes and was stopped. Output so far:\n{output}");
            }
        }

        // Output still buffered in the pipes arrives shortly after exit.
        endOfOutput.Wait(TimeSpan.FromSeconds(30));
        lock (output)
        {
            return new CommandResult(commandLine, process.ExitCode, output.ToString(), clock.Elapsed);
        }
    }
}
