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

    /// <summary>Wide enough that Spectre never wraps a diagnostic line.</summary>
    private const int UnwrappedWidth = 100_000;

    public CliContext(TextWriter stdout, TextWriter stderr, bool useColor)
    {
        Out = stdout;
        Error = stderr;
        UseColor = useColor;
        Console = CreateConsole(stdout, useColor);
        if (!useColor)
        {
            Console.Profile.Width = RedirectedWidth;
        }

        LineConsole = CreateConsole(stdout, useColor);
        LineConsole.Profile.Width = UnwrappedWidth;
    }

    /// <summary>Standard output.</summary>
    public TextWriter Out { get; }

    /// <summary>Standard error: usage errors and internal errors.</summary>
    public TextWriter Error { get; }

    /// <summary>Whether ANSI colour is written (a terminal, and NO_COLOR not set).</summary>
    public bool UseColor { get; }

    /// <summary>Spectre console over <see cref="Out"/>, for tables and coloured text.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>
    /// Spectre console over <see cref="Out"/> that never wraps: diagnostics keep one
    /// <c>path(line,col): ...</c> line however narrow the terminal, so they stay clickable and greppable.
    /// </summary>
    public IAnsiConsole LineConsole { get; }

    /// <summary>Reports a usage error on standard error and returns <see cref="ExitCodes.Usage"/>.</summary>
    public int UsageError(string message)
    {
        Error.WriteLine($"gatec: {message}");
        return ExitCodes.Usage;
    }

    private static IAnsiConsole CreateConsole(TextWriter writer, bool useColor) =>
        AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = useColor ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = useColor ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
}
