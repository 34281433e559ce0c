namespace GateDsl.Language.Text;

/// <summary>A range of characters in a <see cref="SourceText"/>: an offset and a length.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    /// <summary>The offset one past the last character.</summary>
    public int End => Start + Length;

    /// <summary>The span from the start of <paramref name="first"/> to the end of <paramref name="last"/>.</summary>
    public static TextSpan Cover(TextSpan first, TextSpan last)
    {
        var start = Math.Min(first.Start, last.Start);
        var end = Math.Max(first.End, last.End);
        return new TextSpan(start, end - start);
    }

    /// <summary>A span from <paramref name="start"/> to <paramref name="end"/> (exclusive).</summary>
    public static TextSpan FromBounds(int start, int end) => new(start, Math.Max(0, end - start));

    /// <inheritdoc />
    public override string ToString() => $"[{Start}..{End})";
}
