using Antlr4.Runtime;
using Antlr4.Runtime.Misc;
using GateDsl.Language.Syntax.Generated;

namespace GateDsl.Language.Syntax.Parsing;

/// <summary>Names tokens the way users write them: `(`, a name, a number, end of file.</summary>
internal static class TokenDisplay
{
    private static readonly int[] ExpressionStarts =
    {
        GateDslLexer.IDENT, GateDslLexer.NUMBER, GateDslLexer.INT, GateDslLexer.LINEAR, Literal("("), Literal("-"),
    };

    private static readonly int[] StatementStarts =
    {
        GateDslLexer.CONST, GateDslLexer.LET, GateDslLexer.DRAW, GateDslLexer.GATE, GateDslLexer.CANDIDATE,
        GateDslLexer.VALUE, GateDslLexer.PRIOR, GateDslLexer.EVALUATE,
    };

    /// <summary>How an offending token is shown: its text in backticks, or "end of file".</summary>
    public static string Offending(IToken token) =>
        token.Type == TokenConstants.EOF ? "end of file" : $"`{Escape(token.Text)}`";

    /// <summary>How a token type is described in "expected ..." lists.</summary>
    public static string Describe(int type) => type switch
    {
        TokenConstants.EOF => "end of file",
        GateDslLexer.IDENT => "a name",
        GateDslLexer.INT => "an integer",
        GateDslLexer.NUMBER => "a number",
        GateDslLexer.STRING => "a string",
        _ => LiteralText(type) is { } literal ? $"`{literal}`" : GateDslLexer.DefaultVocabulary.GetSymbolicName(type) ?? "a token",
    };

    /// <summary>"a, b or c", grouping expression and statement starts so lists stay readable.</summary>
    public static string Expected(IntervalSet set)
    {
        var types = set.ToList().ToHashSet();
        var parts = new List<string>();
        if (StatementStarts.All(types.Contains))
        {
            parts.Add("a statement");
            types.ExceptWith(StatementStarts);
        }

        if (ExpressionStarts.All(types.Contains))
        {
            parts.Add("an expression");
            types.ExceptWith(ExpressionStarts);
        }

        parts.AddRange(types.OrderBy(t => t == TokenConstants.EOF ? int.MaxValue : t).Select(Describe));
        return parts.Count switch
        {
            0 => "something else",
            1 => parts[0],
            _ => string.Join(", ", parts.Take(parts.Count - 1)) + " or " + parts[^1],
        };
    }

    /// <summary>The keywords among <paramref name="set"/> (<c>candidate</c>, <c>gate</c>, ...), for "did you mean".</summary>
    public static IEnumerable<string> Keywords(IntervalSet set) =>
        set.ToList().Select(LiteralText).OfType<string>().Where(t => t.All(char.IsLetter));

    private static string? LiteralText(int type)
    {
        var literal = GateDslLexer.DefaultVocabulary.GetLiteralName(type);
        return literal is { Length: >= 2 } ? literal[1..^1] : null;
    }

    private static int Literal(string text)
    {
        for (var type = 1; type <= GateDslLexer.BAD_CHAR; type++)
        {
            if (LiteralText(type) == text)
            {
                return type;
            }
        }

        throw new InvalidOperationException($"the grammar has no literal token {text}");
    }

    private static string Escape(string? text) =>
        (text ?? string.Empty).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal);
}
