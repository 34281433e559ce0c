using System.Collections.Immutable;
using System.Text;
using GateDsl.Language.Syntax;
using GateDsl.Language.Text;

namespace GateDsl.Language.Formatting;

/// <summary>
/// Lays a parsed file out line by line and puts every comment back. The file is read as a
/// sequence of "elements" in source order: an import, a const, a declaration header (up to and
/// including its <c>{</c>), each statement, and a closing <c>}</c>. Each comment is then either
/// <list type="bullet">
/// <item>trailing: it starts on the line where the previous element (or the previous trailing
/// comment) ends, and stays at the end of that element's line;</item>
/// <item>leading: it lies before an element (or inside it, between its tokens), and goes on its
/// own line(s) before that element, at the element's indentation.</item>
/// </list>
/// Comments before a closing <c>}</c> stay inside the body; comments after the last item stay at
/// the end of the file. Because placement depends only on the tree, the comment order and the
/// lines elements end on, the output classifies its comments the same way: formatting is
/// idempotent.
/// </summary>
internal sealed class LayoutWriter
{
    private const string BodyIndent = "  ";

    private readonly SourceText _source;
    private readonly ImmutableArray<Comment> _comments;
    private readonly StringBuilder _out = new();
    private int _next;
    private int _lastEnd;

    public LayoutWriter(SourceText source, ImmutableArray<Comment> comments)
    {
        _source = source;
        _comments = comments.Sort((x, y) => x.Span.Start.CompareTo(y.Span.Start));
    }

    /// <summary>The canonical text of <paramref name="file"/>.</summary>
    public string Write(GateFile file)
    {
        var items = file.Items;
        for (var k = 0; k < items.Length; k++)
        {
            var separation = k == 0 ? Separation.None : Between(items[k - 1], items[k]);
            var bound = k + 1 < items.Length ? items[k + 1].Span.Start : _source.Length;
            switch (items[k])
            {
                case DistributionDecl or CellDecl:
                    WriteDeclaration(items[k], BodyOf(items[k]), separation, bound);
                    break;
                default:
                    var item = items[k];
                    WriteElement(item.Span.Start, item.Span.End, bound, string.Empty, string.Empty, separation, true, b => SyntaxPrinter.AppendSimpleItem(b, item));
                    break;
            }
        }

        // File-end comments: whatever no element claimed.
        var first = true;
        while (_next < _comments.Length)
        {
            var comment = _comments[_next++];
            // A blank line the user left before them stays, except at the very start of the file.
            var blank = (!first || items.Length > 0) && HasBlankLine(_lastEnd, comment.Span.Start);
            WriteCommentLine(comment, string.Empty, blank);
            first = false;
        }

        return _out.ToString();
    }

    /// <summary>
    /// Top-level spacing: consecutive imports and consecutive consts form groups with no forced
    /// blank line (a blank line the user left between them stays, so groups can be split);
    /// everything else is separated by exactly one blank line.
    /// </summary>
    private static Separation Between(Item previous, Item next) =>
        (previous, next) switch
        {
            (ImportItem, ImportItem) or (ConstItem, ConstItem) => Separation.AsInSource,
            _ => Separation.Blank,
        };

    private static IReadOnlyList<Statement> BodyOf(Item declaration) => declaration switch
    {
        DistributionDecl d => d.Body,
        CellDecl c => c.Body,
        _ => Array.Empty<Statement>(),
    };

    private void WriteDeclaration(Item declaration, IReadOnlyList<Statement> body, Separation separation, int bound)
    {
        var open = FindOpenBrace(declaration);
        var close = declaration.Span.End - 1;
        if (open < 0 || close <= open || _source.Text[close] != '}')
        {
            throw new InvalidOperationException("The formatter could not find the braces of a declaration: the tree has syntax errors.");
        }

        var emptyInside = body.Count == 0 && !HasCommentBetween(open, close);
        if (emptyInside)
        {
            // `cell X {}`: nothing between the braces, so one line says it all.
            WriteElement(declaration.Span.Start, declaration.Span.End, bound, string.Empty, string.Empty, separation, true, b =>
            {
                SyntaxPrinter.AppendHeader(b, declaration);
                b.Append("{}");
            });
            return;
        }

        var firstInside = body.Count > 0 ? body[0].Span.Start : close;
        WriteElement(declaration.Span.Start, open + 1, firstInside, string.Empty, string.Empty, separation, true, b =>
        {
            SyntaxPrinter.AppendHeader(b, declaration);
            b.Append('{');
        });

        for (var k = 0; k < body.Count; k++)
        {
            var statement = body[k];
            var next = k + 1 < body.Count ? body[k + 1].Span.Start : close;
            WriteElement(statement.Span.Start, statement.Span.End, next, BodyIndent, BodyIndent, k == 0 ? Separation.None : Separation.AsInSource, true, b => SyntaxPrinter.AppendStatement(b, statement));
        }

        // Comments between the last statement and `}` stay in the body, at its indentation; a
        // blank line right before `}` is dropped.
        WriteElement(close, close + 1, bound, string.Empty, BodyIndent, body.Count == 0 ? Separation.None : Separation.AsInSource, false, b => b.Append('}'));
    }

    /// <summary>Whether an unwritten comment starts strictly between two offsets (comments are sorted, so this scans only the header's).</summary>
    private bool HasCommentBetween(int from, int to)
    {
        for (var k = _next; k < _comments.Length && _comments[k].Span.Start < to; k++)
        {
            if (_comments[k].Span.Start > from)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Writes one element: its leading and inner comments on their own lines, then the element,
    /// then the comments that trail it on its last line.
    /// </summary>
    /// <param name="start">Where the element starts in the source.</param>
    /// <param name="end">Where it ends; comments before this offset are written before it.</param>
    /// <param name="bound">Where the next element starts; trailing comments lie before it.</param>
    /// <param name="indent">The element's indentation.</param>
    /// <param name="commentIndent">The indentation of its leading comments.</param>
    /// <param name="separation">Whether a blank line goes before the first line written.</param>
    /// <param name="blankBeforeElement">Whether a blank line may go right before the element itself (not before a <c>}</c>).</param>
    /// <param name="text">Appends the element's own text.</param>
    private void WriteElement(int start, int end, int bound, string indent, string commentIndent, Separation separation, bool blankBeforeElement, Action<StringBuilder> text)
    {
        var firstLine = true;
        while (_next < _comments.Length && _comments[_next].Span.Start < end)
        {
            var comment = _comments[_next++];
            var blank = firstLine
                ? Blank(separation, _lastEnd, Math.Min(comment.Span.Start, start))
                : HasBlankLine(_lastEnd, Math.Min(comment.Span.Start, start));
            WriteCommentLine(comment, commentIndent, blank);
            firstLine = false;
        }

        var blankBefore = blankBeforeElement
            && (firstLine ? Blank(separation, _lastEnd, start) : HasBlankLine(_lastEnd, start));
        if (blankBefore)
        {
            _out.Append('\n');
        }

        _out.Append(indent);
        text(_out);
        _lastEnd = Math.Max(_lastEnd, end);

        // Trailing comments: each starts on the line where the previous thing ended.
        while (_next < _comments.Length
               && _comments[_next].Span.Start < bound
               && Line(_comments[_next].Span.Start) == Line(_lastEnd))
        {
            var comment = _comments[_next++];
            _out.Append(' ').Append(Text(comment));
            _lastEnd = comment.Span.End;
        }

        _out.Append('\n');
    }

    private void WriteCommentLine(Comment comment, string indent, bool blankBefore)
    {
        if (blankBefore)
        {
            _out.Append('\n');
        }

        _out.Append(indent).Append(Text(comment)).Append('\n');
        _lastEnd = comment.Span.End;
    }

    private bool Blank(Separation separation, int from, int to) => separation switch
    {
        Separation.None => false,
        Separation.Blank => true,
        _ => HasBlankLine(from, to),
    };

    /// <summary>
    /// Whether the source has a blank line between two offsets: a line break followed by a line
    /// holding only whitespace and another line break. A line holding just a stray <c>;</c> is not
    /// blank, so dropping empty statements never invents blank lines.
    /// </summary>
    private bool HasBlankLine(int from, int to)
    {
        var text = _source.Text;
        to = Math.Min(to, text.Length);
        var breaks = 0;
        var lineBlank = true;
        for (var i = from; i < to; i++)
        {
            var c = text[i];
            if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < to && text[i + 1] == '\n')
                {
                    i++;
                }

                if (breaks > 0 && lineBlank)
                {
                    return true;
                }

                breaks++;
                lineBlank = true;
            }
            else if (!char.IsWhiteSpace(c))
            {
                lineBlank = false;
            }
        }

        return false;
    }

    /// <summary>
    /// The offset of a declaration's <c>{</c>: the first one after its name or parameters that is
    /// not inside a comment (expressions hold no braces).
    /// </summary>
    private int FindOpenBrace(Item declaration)
    {
        var (name, parameters) = declaration switch
        {
            DistributionDecl d => (d.Name, d.Parameters),
            CellDecl c => (c.Name, c.Parameters),
            _ => throw new InvalidOperationException("Not a declaration."),
        };
        var from = parameters.Length > 0 ? parameters[^1].Span.End : name.Span.End;
        var text = _source.Text;
        var comment = _next;
        for (var i = from; i < declaration.Span.End; i++)
        {
            while (comment < _comments.Length && _comments[comment].Span.End <= i)
            {
                comment++;
            }

            if (comment < _comments.Length && _comments[comment].Span.Start <= i)
            {
                i = _comments[comment].Span.End - 1;
                continue;
            }

            if (text[i] == '{')
            {
                return i;
            }
        }

        return -1;
    }

    private int Line(int offset) => _source.GetLinePosition(offset).Line;

    /// <summary>
    /// A comment's text with LF line breaks (the formatter writes LF only) and, for a line
    /// comment, without trailing whitespace. Nothing else of a comment is touched.
    /// </summary>
    private static string Text(Comment comment)
    {
        var text = comment.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        return comment.IsBlock ? text : text.TrimEnd();
    }
}
