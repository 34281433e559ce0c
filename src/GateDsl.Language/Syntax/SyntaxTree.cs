using System.Collections.Immutable;
using Antlr4.Runtime;
using GateDsl.Language.Diagnostics;
using GateDsl.Language.Syntax.Generated;
using GateDsl.Language.Syntax.Parsing;
using GateDsl.Language.Text;

namespace GateDsl.Language.Syntax;

/// <summary>
/// One parsed file: its text, its syntax tree, its comments and its syntax diagnostics. Parsing
/// never throws on user input; every problem becomes a diagnostic.
/// </summary>
public sealed class SyntaxTree
{
    /// <summary>Deepest bracket nesting the recursive stages accept (they recurse once per level).</summary>
    public const int MaxNesting = 200;

    /// <summary>
    /// Most operators one statement may hold. Each operator adds a level to the tree, and the
    /// parser, the mapper, the binder and the formatter all recurse once per level; 6000 levels
    /// overflowed a 1 MB stack, so the limit sits far below that and far above any real spec.
    /// </summary>
    public const int MaxOperators = 1000;

    private SyntaxTree(SourceText source, GateFile root, ImmutableArray<Comment> comments, IReadOnlyList<Diagnostic> diagnostics)
    {
        Source = source;
        Root = root;
        Comments = comments;
        Diagnostics = diagnostics;
    }

    /// <summary>The text that was parsed.</summary>
    public SourceText Source { get; }

    /// <summary>The root node.</summary>
    public GateFile Root { get; }

    /// <summary>Every comment, in source order, for the formatter.</summary>
    public ImmutableArray<Comment> Comments { get; }

    /// <summary>Lexical and syntax diagnostics, in source order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Whether the file has syntax errors.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>Parses a text held in memory.</summary>
    public static SyntaxTree Parse(string text, string path = "<input>") => Parse(new SourceText(text, path));

    /// <summary>Parses a source text.</summary>
    public static SyntaxTree Parse(SourceText source) =>
        ParseWith(source, (parser, mapper) => (mapper.VisitFile(parser.file()), null)).Tree;

    /// <summary>
    /// Parses a text that holds one distribution call and nothing else (<c>Beta(2, 3)</c>, the
    /// expression of <c>gatec sample</c>), with the same lexer, limits and error messages as a file.
    /// The tree's root is empty; the call is null only when the text was rejected before parsing
    /// (nesting or length limits, or an internal error), all reported in the tree's diagnostics.
    /// </summary>
    internal static (SyntaxTree Tree, CallSyntax? Call) ParseCall(SourceText source) =>
        ParseWith(source, (parser, mapper) => (EmptyFile(source), mapper.VisitCallInput(parser.callInput())));

    private static (SyntaxTree Tree, CallSyntax? Call) ParseWith(SourceText source, Func<GateDslParser, ParseTreeToAst, (GateFile Root, CallSyntax? Call)> parse)
    {
        var diagnostics = new DiagnosticBag();
        var comments = ImmutableArray.CreateBuilder<Comment>();
        try
        {
            var tokens = Lex(source, diagnostics, comments);
            if (ExceedsNesting(tokens, out var deepToken))
            {
                diagnostics.Report(DiagnosticCatalog.NestingTooDeep, source, Span(deepToken), MaxNesting);
                return (new SyntaxTree(source, EmptyFile(source), comments.ToImmutable(), diagnostics.ToSortedList()), null);
            }

            if (ExceedsOperators(tokens, out var longToken))
            {
                diagnostics.Report(DiagnosticCatalog.ExpressionTooLong, source, Span(longToken), MaxOperators);
                return (new SyntaxTree(source, EmptyFile(source), comments.ToImmutable(), diagnostics.ToSortedList()), null);
            }

            var parser = new GateDslParser(new CommonTokenStream(new ListTokenSource(tokens)))
            {
                ErrorHandler = new SyntaxErrorStrategy(source, diagnostics),
            };
            parser.RemoveErrorListeners();
            var (root, call) = parse(parser, new ParseTreeToAst(source, diagnostics));
            return (new SyntaxTree(source, root, comments.ToImmutable(), diagnostics.ToSortedList()), call);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A bug of ours, not the user's: say so plainly and keep going.
            diagnostics.Report(DiagnosticCatalog.InternalError, source, new TextSpan(0, 0), ex.Message);
            return (new SyntaxTree(source, EmptyFile(source), comments.ToImmutable(), diagnostics.ToSortedList()), null);
        }
    }

    /// <summary>
    /// Lexes the whole text. Comments go to <paramref name="comments"/>; the lexer's error tokens
    /// (bad characters, unterminated strings and comments) become diagnostics and are dropped, so
    /// the parser does not report them a second time.
    /// </summary>
    private static List<IToken> Lex(SourceText source, DiagnosticBag diagnostics, ImmutableArray<Comment>.Builder comments)
    {
        var lexer = new GateDslLexer(new AntlrInputStream(source.Text));
        lexer.RemoveErrorListeners();
        var tokens = new List<IToken>();
        for (var token = lexer.NextToken(); ; token = lexer.NextToken())
        {
            switch (token.Type)
            {
                case GateDslLexer.LINE_COMMENT:
                case GateDslLexer.BLOCK_COMMENT:
                    comments.Add(new Comment(token.Text, Span(token)));
                    continue;
                case GateDslLexer.WS:
                    continue;
                case GateDslLexer.BAD_CHAR:
                    diagnostics.Report(DiagnosticCatalog.InvalidCharacter, source, Span(token), Describe(token.Text));
                    continue;
                case GateDslLexer.UNTERMINATED_STRING:
                    diagnostics.Report(DiagnosticCatalog.UnterminatedString, source, Span(token));
                    continue;
                case GateDslLexer.UNTERMINATED_COMMENT:
                    diagnostics.Report(DiagnosticCatalog.UnterminatedComment, source, new TextSpan(token.StartIndex, 2));
                    continue;
            }

            tokens.Add(token);
            if (token.Type == TokenConstants.EOF)
            {
                return tokens;
            }
        }
    }

    private static bool ExceedsNesting(List<IToken> tokens, out IToken deepest)
    {
        var depth = 0;
        foreach (var token in tokens)
        {
            switch (token.Text)
            {
                case "(" or "[" or "{":
                    if (++depth > MaxNesting)
                    {
                        deepest = token;
                        return true;
                    }

                    break;
                case ")" or "]" or "}":
                    depth = Math.Max(0, depth - 1);
                    break;
            }
        }

        deepest = tokens[^1];
        return false;
    }

    /// <summary>Counts operators between statement boundaries (keywords, braces and semicolons).</summary>
    private static bool ExceedsOperators(List<IToken> tokens, out IToken longest)
    {
        var count = 0;
        foreach (var token in tokens)
        {
            if (token.Text is "+" or "-" or "*" or "/" or "^")
            {
                if (++count > MaxOperators)
                {
                    longest = token;
                    return true;
                }
            }
            else if (token.Text is "{" or "}" or ";" || IsStatementKeyword(token.Type))
            {
                count = 0;
            }
        }

        longest = tokens[^1];
        return false;
    }

    private static bool IsStatementKeyword(int type) => type is GateDslLexer.IMPORT or GateDslLexer.DISTRIBUTION
        or GateDslLexer.CELL or GateDslLexer.CONST or GateDslLexer.LET or GateDslLexer.DRAW or GateDslLexer.GATE
        or GateDslLexer.CANDIDATE or GateDslLexer.VALUE or GateDslLexer.PRIOR or GateDslLexer.EVALUATE;

    private static string Describe(string text)
    {
        var c = text.Length > 0 ? text[0] : '?';
        return char.IsControl(c) || char.IsWhiteSpace(c) ? $"U+{(int)c:X4}" : $"`{text}` (U+{(int)c:X4})";
    }

    private static TextSpan Span(IToken token) =>
        token.StartIndex < 0 || token.Type == TokenConstants.EOF
            ? new TextSpan(Math.Max(0, token.StartIndex), 0)
            : TextSpan.FromBounds(token.StartIndex, token.StopIndex + 1);

    private static GateFile EmptyFile(SourceText source) =>
        new(ImmutableArray<Item>.Empty, new TextSpan(0, source.Length));
}
