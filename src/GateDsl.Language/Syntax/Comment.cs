using GateDsl.Language.Text;

namespace GateDsl.Language.Syntax;

/// <summary>A comment as written (with its // or /* */), kept beside the tree so the formatter can put it back.</summary>
public sealed record Comment(string Text, TextSpan Span)
{
    /// <summary>Whether this is a <c>/* ... */</c> comment.</summary>
    public bool IsBlock => Text.StartsWith("/*", StringComparison.Ordinal);
}
