using Spectre.Console;

namespace GateDsl.Cli.Rendering;

/// <summary>Spectre.Console consoles over a plain <see cref="TextWriter"/>, so commands stay testable.</summary>
internal static class Terminal
{
    /// <summary>
    /// A console writing to <paramref name="writer"/>: colours and live widgets only when
    /// <paramref name="interactive"/>, otherwise plain text (no ANSI escapes) 120 columns wide.
    /// </summary>
    public static IAnsiConsole Create(TextWriter writer, bool interactive)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
        if (!interactive)
        {
            console.Profile.Width = 120;
        }

        return console;
    }

    /// <summary>True when <paramref name="writer"/> is the process's standard output and that is a terminal.</summary>
    public static bool IsInteractive(TextWriter writer) => ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected;
}
