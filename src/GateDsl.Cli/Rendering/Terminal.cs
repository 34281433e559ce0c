using System.Globalization;
using Spectre.Console;

namespace GateDsl.Cli.Rendering;

/// <summary>
/// What gatec knows about where its output goes, and the one place Spectre.Console consoles are
/// made (over a plain <see cref="TextWriter"/>, so commands stay testable).
/// </summary>
internal static class Terminal
{
    /// <summary>A console this wide never wraps: used for redirected output and for lines that must stay whole.</summary>
    public const int Unlimited = 100_000;

    /// <summary>The width assumed on a terminal that does not say its width.</summary>
    public const int DefaultWidth = 80;

    /// <summary>Narrower COLUMNS values are ignored (no table can be laid out in them).</summary>
    private const int NarrowestWidth = 20;

    /// <summary>
    /// A console writing to <paramref name="writer"/>: ANSI colour only when <paramref name="useColor"/>,
    /// live widgets (progress bars) only when <paramref name="interactive"/>, text wrapped at
    /// <paramref name="width"/> columns (null: never).
    /// </summary>
    public static IAnsiConsole Create(TextWriter writer, bool useColor, bool interactive, int? width)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = useColor ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = useColor ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
        console.Profile.Width = width ?? Unlimited;
        return console;
    }

    /// <summary>True when <paramref name="writer"/> is the process's standard output and that is a terminal.</summary>
    public static bool IsTerminal(TextWriter writer) => ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected;

    /// <summary>Colour only on a real terminal: never when redirected, when NO_COLOR is set, or for TERM=dumb.</summary>
    public static bool ShouldColor(TextWriter stdout) =>
        IsTerminal(stdout)
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
        && !string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);

    /// <summary>
    /// The width tables must fit: on a terminal its width (COLUMNS if the terminal does not say,
    /// else 80); when standard output is redirected, COLUMNS if set (so <c>COLUMNS=80 gatec ... | less</c>
    /// fits 80 columns), else null: no limit, one line per row. A writer other than standard output
    /// (tests, callers in-process) has no limit.
    /// </summary>
    public static int? Width(TextWriter stdout)
    {
        if (!ReferenceEquals(stdout, Console.Out))
        {
            return null;
        }

        var columns = int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), NumberStyles.None, CultureInfo.InvariantCulture, out var c) && c >= NarrowestWidth
            ? c
            : (int?)null;
        if (Console.IsOutputRedirected)
        {
            return columns;
        }

        try
        {
            return Console.WindowWidth >= NarrowestWidth ? Console.WindowWidth : columns ?? DefaultWidth;
        }
        catch (IOException)
        {
            return columns ?? DefaultWidth;
        }
    }
}
