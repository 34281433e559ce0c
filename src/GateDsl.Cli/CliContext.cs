using GateDsl.Cli.Rendering;
using Spectre.Console;

namespace GateDsl.Cli;

/// <summary>
/// Where a command writes: plain writers for machine output (JSON, diagnostics when redirected),
/// Spectre consoles over standard output that colour only when a terminal is attached, and the
/// width tables must fit (<see cref="TextTable"/>). Prose is word-wrapped only on a terminal;
/// redirected output keeps each sentence on one line.
/// </summary>
internal sealed class CliContext
{
    /// <param name="stdout">Standard output.</param>
    /// <param name="stderr">Standard error.</param>
    /// <param name="useColor">Write ANSI colour (a terminal, and NO_COLOR not set).</param>
    /// <param name="width">The columns tables must fit; null: no limit (redirected output).</param>
    /// <param name="isTerminal">Standard output is a terminal: prose wraps at <paramref name="width"/> and progress bars may show.</param>
    public CliContext(TextWriter stdout, TextWriter stderr, bool useColor, int? width = null, bool isTerminal = false)
    {
        Out = stdout;
        Error = stderr;
        UseColor = useColor;
        Width = width;
        IsTerminal = isTerminal;
        Console = Terminal.Create(stdout, useColor, interactive: false, isTerminal ? width : null);
        LineConsole = Terminal.Create(stdout, useColor, interactive: false, width: null);
    }

    /// <summary>The context of the process's own streams: colour, width and terminal as detected.</summary>
    public static CliContext ForProcess(TextWriter stdout, TextWriter stderr) =>
        new(stdout, stderr, Terminal.ShouldColor(stdout), Terminal.Width(stdout), Terminal.IsTerminal(stdout));

    /// <summary>Standard output.</summary>
    public TextWriter Out { get; }

    /// <summary>Standard error: usage errors and internal errors.</summary>
    public TextWriter Error { get; }

    /// <summary>Whether ANSI colour is written (a terminal, and NO_COLOR not set).</summary>
    public bool UseColor { get; }

    /// <summary>The columns tables must fit, or null for no limit.</summary>
    public int? Width { get; }

    /// <summary>Whether standard output is a terminal (prose wraps; live progress may show).</summary>
    public bool IsTerminal { get; }

    /// <summary>Spectre console over <see cref="Out"/> for coloured prose: wraps between words on a terminal, never when redirected.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>
    /// Spectre console over <see cref="Out"/> that never wraps: diagnostics keep one
    /// <c>path(line,col): ...</c> line however narrow the terminal, so they stay clickable and
    /// greppable, and tables keep the layout <see cref="TextTable"/> fitted.
    /// </summary>
    public IAnsiConsole LineConsole { get; }

    /// <summary>Writes a table fitted to <see cref="Width"/> (split into several when it must be).</summary>
    public void Write(TextTable table) => table.Write(LineConsole, Width);

    /// <summary>Writes a sentence: word-wrapped at the terminal's width, one line when redirected.</summary>
    public void WriteLine(string text)
    {
        if (IsTerminal)
        {
            Console.WriteLine(text);
        }
        else
        {
            Out.WriteLine(text);
        }
    }

    /// <summary>Reports a usage error on standard error and returns <see cref="ExitCodes.Usage"/>.</summary>
    public int UsageError(string message)
    {
        Error.WriteLine($"gatec: {message}");
        return ExitCodes.Usage;
    }
}
