namespace GateDsl.Language.Text;

/// <summary>
/// The text of one spec file and where its lines start, so that spans map to 1-based line and
/// column on demand (Roslyn's SourceText in miniature).
/// </summary>
public sealed class SourceText
{
    private readonly int[] _lineStarts;

    /// <summary>Creates a source text; <paramref name="path"/> is what diagnostics print.</summary>
    public SourceText(string text, string path)
    {
        Text = text ?? throw new ArgumentNullException(nameof(text));
        Path = path ?? throw new ArgumentNullException(nameof(path));
        _lineStarts = ComputeLineStarts(text);
    }

    /// <summary>The whole text.</summary>
    public string Text { get; }

    /// <summary>The file path as given (absolute or relative); used verbatim in diagnostics.</summary>
    public string Path { get; }

    /// <summary>Number of characters.</summary>
    public int Length => Text.Length;

    /// <summary>Number of lines (a text with no newline has one).</summary>
    public int LineCount => _lineStarts.Length;

    /// <summary>Reads a file from disk.</summary>
    public static SourceText FromFile(string path) => new(File.ReadAllText(path), path);

    /// <summary>The 1-based line and column of a character offset (clamped into the text).</summary>
    public LinePosition GetLinePosition(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        var line = Array.BinarySearch(_lineStarts, offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return new LinePosition(line + 1, offset - _lineStarts[line] + 1);
    }

    /// <summary>The character offset of a 1-based line and column (clamped into the text).</summary>
    public int GetOffset(int line, int column)
    {
        line = Math.Clamp(line, 1, _lineStarts.Length);
        var start = _lineStarts[line - 1];
        return Math.Clamp(start + column - 1, 0, Text.Length);
    }

    /// <summary>The text of a 1-based line without its line break.</summary>
    public string GetLineText(int line)
    {
        line = Math.Clamp(line, 1, _lineStarts.Length);
        var start = _lineStarts[line - 1];
        var end = line < _lineStarts.Length ? _lineStarts[line] : Text.Length;
        return Text[start..end].TrimEnd('\r', '\n');
    }

    /// <summary>The characters a span covers.</summary>
    public string ToString(TextSpan span)
    {
        var start = Math.Clamp(span.Start, 0, Text.Length);
        var end = Math.Clamp(span.End, start, Text.Length);
        return Text[start..end];
    }

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts.ToArray();
    }
}
