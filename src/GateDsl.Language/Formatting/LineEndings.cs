namespace GateDsl.Language.Formatting;

/// <summary>
/// A file's line-ending style, so that formatting keeps it: <see cref="GateFormatter"/> writes LF,
/// and <c>gatec fmt</c> turns that into CRLF for a file whose lines end in CRLF (as Windows editors
/// and git's <c>core.autocrlf</c> leave them), so such a file is neither rewritten nor reported by
/// <c>fmt --check</c> for its line endings alone.
/// </summary>
public static class LineEndings
{
    /// <summary>Line feed, the formatter's own.</summary>
    public const string Lf = "\n";

    /// <summary>Carriage return and line feed.</summary>
    public const string CrLf = "\r\n";

    /// <summary>The line ending of <paramref name="text"/>: that of its first line break, LF when it has none.</summary>
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = text.IndexOf('\n', StringComparison.Ordinal);
        return first > 0 && text[first - 1] == '\r' ? CrLf : Lf;
    }

    /// <summary><paramref name="lfText"/> (LF line endings, as the formatter writes) with <paramref name="ending"/> instead.</summary>
    public static string Apply(string lfText, string ending)
    {
        ArgumentNullException.ThrowIfNull(lfText);
        return ending == Lf ? lfText : lfText.Replace(Lf, ending, StringComparison.Ordinal);
    }
}
