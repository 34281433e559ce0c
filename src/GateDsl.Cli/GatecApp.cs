using System.CommandLine;
using GateDsl.Cli.Commands;

namespace GateDsl.Cli;

/// <summary>
/// The <c>gatec</c> command line, callable in-process: <see cref="Run"/> parses the arguments, runs a
/// command and returns the exit code (see <see cref="ExitCodes"/>). User mistakes are diagnostics or
/// usage errors; anything unexpected prints <c>gatec: internal error: message</c> (the first line of
/// the message only) and returns 3, never a stack trace, managed or native.
/// </summary>
public static class GatecApp
{
    private const string Description =
        "gatec: check, format, describe and compile GATE specs (.gate files) for stochastic LSTM gates; sample and validate the gate distributions.\n" +
        "Exit codes: 0 success, 1 errors in the specs (or files that fmt --check would change), " +
        "2 usage error, 3 internal error.";

    /// <summary>Runs gatec with <paramref name="args"/>, writing to the given writers.</summary>
    /// <param name="args">The command line, without the program name.</param>
    /// <param name="stdout">Diagnostics, tables and JSON go here.</param>
    /// <param name="stderr">Usage errors and internal errors go here.</param>
    /// <returns>The process exit code.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            var context = new CliContext(stdout, stderr, ShouldColor(stdout));
            var root = new RootCommand(Description)
            {
                CheckCommand.Create(context),
                FormatCommand.Create(context),
                DescribeCommand.Create(context),
                CompileCommand.Create(context),
                BenchCommand.Create(context),
                SampleCommand.Create(context),
                ValidateCommand.Create(context),
            };
            TrainingCommands.Register(root, context);

            var result = root.Parse(args);
            if (result.Errors.Count > 0 && result.Action is not { ClearsParseErrors: true })
            {
                foreach (var error in result.Errors)
                {
                    context.UsageError(error.Message);
                }

                stderr.WriteLine("Run 'gatec --help' or 'gatec <command> --help' for usage.");
                return ExitCodes.Usage;
            }

            return result.Invoke(new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            stderr.WriteLine($"gatec: internal error: {FirstLine(ex.Message)}");
            return ExitCodes.InternalError;
        }
    }

    /// <summary>
    /// The first non-empty line of an internal error's message: TorchSharp puts libtorch's native
    /// backtrace (<c>frame #0: ...</c>) in the message after the first line, and that is no more for
    /// the user than a .NET stack trace.
    /// </summary>
    internal static string FirstLine(string message)
    {
        var line = message.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
        return line ?? "(no message)";
    }

    /// <summary>Colour only on a real terminal: never when redirected, when NO_COLOR is set, or for TERM=dumb.</summary>
    private static bool ShouldColor(TextWriter stdout) =>
        ReferenceEquals(stdout, Console.Out)
        && !Console.IsOutputRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
        && !string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);
}
