namespace GateDsl.Cli.Rendering;

/// <summary>One cell of a <see cref="TextTable"/>: plain text and, where colour is on, a Spectre style such as <c>green</c>.</summary>
/// <param name="Text">The text, shown as is (no markup).</param>
/// <param name="Style">A Spectre style (<c>red</c>, <c>bold</c>), or null for none.</param>
internal readonly record struct TextCell(string Text, string? Style = null)
{
    /// <summary>A plain cell.</summary>
    public static implicit operator TextCell(string text) => new(text);
}
