using GateDsl.Language.Syntax;

namespace GateDsl.Language.Tests.Generators;

/// <summary>The documented normalization the formatter applies to comment text: LF line breaks, no trailing whitespace after a line comment.</summary>
public static class CommentText
{
    /// <summary>A comment's text as the formatter writes it.</summary>
    public static string Normalize(string text)
    {
        var lf = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        return lf.StartsWith("/*", StringComparison.Ordinal) ? lf : lf.TrimEnd();
    }

    /// <summary>The normalized texts of a tree's comments, in order.</summary>
    public static IReadOnlyList<string> Of(SyntaxTree tree) => tree.Comments.Select(c => Normalize(c.Text)).ToList();
}
