using Spectre.Console;

namespace GateDsl.Cli;

/// <summary>
/// Where a command writes: plain writers for machine output (JSON, diagnostics when redirected)
/// and a Spectre console over standard output that colours only when a terminal is attached.
/// </summary>
internal sealed class CliContext
{
    /// <summary>Width used for tables when output is not a terminal, so pipes and tests get unwrapped lines.</summary>
    private const int RedirectedWidth = 160;

    public CliContext(TextWriter stdout, TextWriter stderr, bool useColor)
    {
        Out = stdout;
        Error = stderr;
        UseColor = useColor;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = useColor ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = useColor ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!useColor)
        {
            Console.Profile.Width = RedirectedWidth;
        }
    }

    /// <summary>Standard output.</summary>
    public TextWriter Out { get; }

    /// <summary>Standard error: usage errors and internal errors.</summary>
    public TextWriter Error { get; }

    /// <summary>Whether ANSI colour is written (a terminal, and NO_COLOR not set).</summary>
    public bool UseColor { get; }

    /// <summary>Spectre console over <see cref="Out"/>, for tables and coloured text.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Reports a usage error on standard error and returns <see cref="ExitCodes.Usage"/>.</summary>
    public int UsageError(string message)
    {
        Error.WriteLine($"gatec: {message}");
        return ExitCodes.Usage;
    }
}
