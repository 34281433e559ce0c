using System.Globalization;
using System.Text;
using GateDsl.Language.Diagnostics;
using Spectre.Console;

namespace GateDsl.Cli.Rendering;

/// <summary>
/// Renders diagnostics for people, stanc3-style: the clickable <c>path(line,col): error CODE: message</c>
/// line, then the offending source line (and the one before it) in a line-number gutter with a caret
/// line under the span. A span over several lines is underlined to the end of its first line.
/// </summary>
internal static class DiagnosticRenderer
{
    /// <summary>Writes every diagnostic, coloured through Spectre when the context allows it.</summary>
    public static void Write(CliContext context, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            if (context.UseColor)
            {
                WriteColored(context.LineConsole, diagnostic);
            }
            else
            {
                context.Out.Write(Render(diagnostic));
            }
        }
    }

    /// <summary>The plain-text rendering of one diagnostic, ending with a blank line.</summary>
    public static string Render(Diagnostic diagnostic)
    {
        var builder = new StringBuilder();
        builder.Append(diagnostic.ToString()).Append('\n');
        var excerpt = Excerpt.Of(diagnostic);
        foreach (var (number, text) in excerpt.Lines)
        {
            builder.Append(excerpt.Gutter(number)).Append(text).Append('\n');
        }

        builder.Append(excerpt.Gutter(null)).Append(excerpt.CaretIndent).Append(excerpt.Carets).Append('\n');
        builder.Append('\n');
        return builder.ToString();
    }

    /// <summary>
    /// "2 errors, 1 warning in 3 files": the files are those the diagnostics are in (an import with
    /// errors counts); with no diagnostics, the <paramref name="checkedFiles"/> that were checked.
    /// </summary>
    public static string Summary(IReadOnlyCollection<Diagnostic> diagnostics, int checkedFiles)
    {
        var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var warnings = diagnostics.Count - errors;
        var files = diagnostics.Count == 0 ? checkedFiles : diagnostics.Select(d => d.Source.Path).Distinct(StringComparer.Ordinal).Count();
        return $"{Plural(errors, "error")}, {Plural(warnings, "warning")} in {Plural(files, "file")}";
    }

    /// <summary>"1 file", "2 files".</summary>
    public static string Plural(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : noun + "s");

    private static void WriteColored(IAnsiConsole console, Diagnostic diagnostic)
    {
        var color = diagnostic.Severity == DiagnosticSeverity.Error ? "red" : "yellow";
        var severity = diagnostic.Severity == DiagnosticSeverity.Error ? "error" : "warning";
        var start = diagnostic.Start;
        console.MarkupLine(
            $"[bold]{Markup.Escape(diagnostic.Source.Path)}({start.Line},{start.Column}):[/] " +
            $"[bold {color}]{severity} {diagnostic.Code}:[/] [bold]{Markup.Escape(diagnostic.Message)}[/]");
        var excerpt = Excerpt.Of(diagnostic);
        foreach (var (number, text) in excerpt.Lines)
        {
            console.MarkupLine($"[blue]{Markup.Escape(excerpt.Gutter(number))}[/]{Markup.Escape(text)}");
        }

        console.MarkupLine($"[blue]{Markup.Escape(excerpt.Gutter(null))}[/]{Markup.Escape(excerpt.CaretIndent)}[bold {color}]{excerpt.Carets}[/]");
        console.WriteLine();
    }

    /// <summary>
    /// The lines shown under a diagnostic and the caret line that points into the last one. A line
    /// longer than <see cref="Window"/> characters (generated specs, minified input) is shown as a
    /// window of that many characters around the start of the span, cut ends marked with "...", so
    /// the caret stays on screen instead of thousands of columns to the right.
    /// </summary>
    private sealed record Excerpt(IReadOnlyList<(int Number, string Text)> Lines, int GutterWidth, string CaretIndent, string Carets)
    {
        /// <summary>The most characters of a source line shown.</summary>
        public const int Window = 100;

        /// <summary>How much of the line before the span a window shows.</summary>
        private const int Lead = 30;

        private const string Cut = "...";

        public static Excerpt Of(Diagnostic diagnostic)
        {
            var source = diagnostic.Source;
            var start = diagnostic.Start;
            var end = diagnostic.End;
            var lineText = source.GetLineText(start.Line);
            var column = Math.Min(start.Column - 1, lineText.Length);
            var lastColumn = Math.Min(end.Line == start.Line ? end.Column - 1 : lineText.Length, lineText.Length);

            // The window [from, to) of the line that is shown; the whole line when it is short.
            var from = lineText.Length <= Window ? 0 : Math.Clamp(column - Lead, 0, lineText.Length - Window);
            var to = lineText.Length <= Window ? lineText.Length : from + Window;
            var lines = new List<(int, string)>();
            if (start.Line > 1 && source.GetLineText(start.Line - 1).Trim().Length > 0)
            {
                // The line before is context: whole when short, else the same window as the line below.
                var before = source.GetLineText(start.Line - 1);
                lines.Add((start.Line - 1, before.Length <= Window ? before : Clip(before, from, to)));
            }

            var shown = Clip(lineText, from, to);
            lines.Add((start.Line, shown));

            // Keep tabs in the indent so the carets line up under the same characters in a terminal.
            var prefix = from > 0 ? Cut.Length : 0;
            var indent = new string(shown.Take(prefix + column - from).Select(c => c == '\t' ? '\t' : ' ').ToArray());
            var width = Math.Max(1, Math.Min(lastColumn, to) - column);
            var carets = "^" + new string('~', width - 1);
            var gutterWidth = start.Line.ToString(CultureInfo.InvariantCulture).Length;
            return new Excerpt(lines, gutterWidth, indent, carets);
        }

        /// <summary>Characters [from, to) of <paramref name="line"/>, with "..." where it is cut.</summary>
        private static string Clip(string line, int from, int to)
        {
            if (from == 0 && to >= line.Length)
            {
                return line;
            }

            var start = Math.Min(from, line.Length);
            var end = Math.Min(to, line.Length);
            return (start > 0 ? Cut : string.Empty) + line[start..end] + (end < line.Length ? Cut : string.Empty);
        }

        /// <summary>"  3 | " for a numbered line, "    | " for the caret line.</summary>
        public string Gutter(int? number)
        {
            var label = number?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
            return "  " + label.PadLeft(GutterWidth) + " | ";
        }
    }
}
