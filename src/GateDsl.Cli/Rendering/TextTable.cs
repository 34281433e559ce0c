using System.Text;
using Spectre.Console;

namespace GateDsl.Cli.Rendering;

/// <summary>
/// A table of plain-text cells laid out to fit a width, drawn with Spectre's rounded border. Text
/// breaks only at spaces: a header or cell wider than its column wraps between words, and a word
/// (a number, a name, <c>0.0546869</c>) is never split or cut. When even the narrowest layout
/// (each column as wide as its longest word) is wider than the width, the value columns are split
/// into several tables that each repeat the key columns (the first <see cref="KeyColumns"/>), with
/// the columns of one group (<see cref="AddColumn"/>) kept together. Without a width (output redirected) every
/// column takes its natural width and nothing wraps, so a pipe sees one line per row.
/// </summary>
internal sealed class TextTable
{
    /// <summary>Border, padding and separators: "│ " before each column, " " after it, and the final "│".</summary>
    private const int PerColumnOverhead = 3;

    private readonly List<Column> columns = [];
    private readonly List<TextCell[]> rows = [];

    /// <summary>How many leading columns name a row and are repeated when the table is split (1 by default).</summary>
    public int KeyColumns { get; init; } = 1;

    /// <summary>Adds a column; columns with the same non-null <paramref name="group"/> stay in one table when it is split.</summary>
    public TextTable AddColumn(string header, string? group = null)
    {
        columns.Add(new Column(header, group));
        return this;
    }

    /// <summary>Adds a row of plain text, one cell per column.</summary>
    public TextTable AddRow(params string[] cells) => AddRow(cells.Select(c => new TextCell(c)).ToArray());

    /// <summary>Adds a row of cells that may carry a Spectre style (e.g. <c>green</c>), used only where colour is on.</summary>
    public TextTable AddRow(params TextCell[] cells)
    {
        if (cells.Length != columns.Count)
        {
            throw new ArgumentException($"a row of {cells.Length} cells for a table of {columns.Count} columns", nameof(cells));
        }

        rows.Add(cells);
        return this;
    }

    /// <summary>
    /// Writes the table, or several when it does not fit, to <paramref name="console"/>, which must
    /// not wrap (<see cref="CliContext.LineConsole"/>): the layout here already fits
    /// <paramref name="width"/> columns (null: no limit).
    /// </summary>
    public void Write(IAnsiConsole console, int? width)
    {
        foreach (var part in Layout(width))
        {
            console.Write(Build(part));
        }
    }

    /// <summary>The column widths of each table written: a list of (column index, width) per table.</summary>
    internal IReadOnlyList<IReadOnlyList<(int Column, int Width)>> Layout(int? width)
    {
        var natural = columns.Select((_, c) => NaturalWidth(c)).ToArray();
        var narrowest = columns.Select((_, c) => NarrowestWidth(c)).ToArray();
        var all = Enumerable.Range(0, columns.Count).ToList();
        if (width is not { } limit || Total(all, natural) <= limit)
        {
            return [all.Select(c => (c, natural[c])).ToList()];
        }

        var keys = all.Take(KeyColumns).ToList();
        var parts = new List<IReadOnlyList<(int, int)>>();
        foreach (var group in SplitValues(all.Skip(KeyColumns).ToList(), keys, narrowest, limit))
        {
            var part = keys.Concat(group).ToList();
            parts.Add(part.Zip(Distribute(part, natural, narrowest, limit)).ToList());
        }

        return parts;
    }

    /// <summary>
    /// The value columns in as few tables as the narrowest layout allows, spread evenly over them
    /// (contiguous, groups unbroken); one table per unit when even that is too wide.
    /// </summary>
    private List<List<int>> SplitValues(List<int> values, List<int> keys, int[] narrowest, int limit)
    {
        var units = new List<List<int>>();
        foreach (var c in values)
        {
            if (units.Count > 0 && columns[c].Group is { } g && columns[units[^1][0]].Group == g)
            {
                units[^1].Add(c);
            }
            else
            {
                units.Add([c]);
            }
        }

        if (units.Count == 0)
        {
            return [[]];
        }

        for (var tables = 1; tables <= units.Count; tables++)
        {
            var split = Chunk(units, tables);
            if (split.All(part => Total(keys.Concat(part).ToList(), narrowest) <= limit))
            {
                return split;
            }
        }

        return units;
    }

    /// <summary>The units in <paramref name="tables"/> contiguous runs of about equal width in columns.</summary>
    private static List<List<int>> Chunk(List<List<int>> units, int tables)
    {
        var result = new List<List<int>>();
        var perTable = (double)units.Sum(u => u.Count) / tables;
        var current = new List<int>();
        foreach (var unit in units)
        {
            var remainingTables = tables - result.Count;
            if (current.Count > 0 && current.Count + (unit.Count / 2.0) > perTable && remainingTables > 1)
            {
                result.Add(current);
                current = [];
            }

            current.AddRange(unit);
        }

        result.Add(current);
        return result;
    }

    /// <summary>
    /// Widths for one table: the narrowest layout, then the room left given to the columns that need
    /// the least of it to reach their natural width first, so as few columns as possible wrap (long
    /// formulas wrap; short labels and numbers stay on one line).
    /// </summary>
    private static int[] Distribute(List<int> part, int[] natural, int[] narrowest, int limit)
    {
        var widths = part.Select(c => narrowest[c]).ToArray();
        var room = limit - (widths.Sum() + (PerColumnOverhead * part.Count) + 1);
        foreach (var i in Enumerable.Range(0, part.Count).OrderBy(i => natural[part[i]] - widths[i]).ThenBy(i => i))
        {
            var grow = Math.Min(room, natural[part[i]] - widths[i]);
            widths[i] += grow;
            room -= grow;
        }

        return widths;
    }

    private static int Total(List<int> part, int[] widths) => part.Sum(c => widths[c]) + (PerColumnOverhead * part.Count) + 1;

    private int NaturalWidth(int c) => rows.Select(r => r[c].Text.Length).Append(columns[c].Header.Length).Max();

    private int NarrowestWidth(int c) => rows.Select(r => LongestWord(r[c].Text)).Append(LongestWord(columns[c].Header)).Max();

    private static int LongestWord(string text) => text.Split(' ').Max(w => w.Length);

    private Table Build(IReadOnlyList<(int Column, int Width)> part)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var (c, w) in part)
        {
            table.AddColumn(new TableColumn(Markup.Escape(Wrap(columns[c].Header, w))).Width(w).NoWrap());
        }

        foreach (var row in rows)
        {
            table.AddRow(part.Select(p => (Spectre.Console.Rendering.IRenderable)new Markup(Styled(row[p.Column], p.Width))).ToArray());
        }

        return table;
    }

    private static string Styled(TextCell cell, int width)
    {
        var text = Markup.Escape(Wrap(cell.Text, width));
        return cell.Style is { } style ? $"[{style}]{text}[/]" : text;
    }

    /// <summary>Breaks <paramref name="text"/> at spaces into lines of at most <paramref name="width"/> characters (a longer word keeps its own line).</summary>
    internal static string Wrap(string text, int width)
    {
        if (text.Length <= width)
        {
            return text;
        }

        var builder = new StringBuilder();
        var line = 0;
        foreach (var word in text.Split(' '))
        {
            if (line > 0 && line + 1 + word.Length > width)
            {
                builder.Append('\n');
                line = 0;
            }
            else if (line > 0)
            {
                builder.Append(' ');
                line++;
            }

            builder.Append(word);
            line += word.Length;
        }

        return builder.ToString();
    }

    private sealed record Column(string Header, string? Group);
}
