using System.Globalization;
using System.Text;
using GateDsl.Language.Syntax;

namespace GateDsl.Language.Tests.Generators;

/// <summary>
/// Renders a syntax tree as tokens joined by random separators: spaces, tabs, line breaks (LF and
/// CRLF), blank lines, stray <c>;</c> between statements, empty <c>()</c> after a cell name, and
/// line or block comments (some spanning lines, some with non-ASCII text) between any two tokens.
/// The rendering is the generator's, not the formatter's, so the two cannot share a bug.
/// </summary>
public sealed class SpecRenderer
{
    private static readonly string[] CommentWords =
    {
        "shape", "rate", "K = 4", "Olkin–Liu", "β ~ Γ(a)", "x*y", "a / b", "TODO", "{ }", "\"quoted\"", "—", "// nested", "/ *", "日本",
    };

    private readonly Random _random;
    private readonly List<string> _tokens = new();
    private readonly List<string> _comments = new();

    // Per spec, how many of every 20 separators are comments: none, a few, or very many.
    private readonly int _commentRate;

    private SpecRenderer(Random random)
    {
        _random = random;
        _commentRate = random.Next(3) switch { 0 => 0, 1 => 2, _ => 8 };
    }

    /// <summary>Renders <paramref name="file"/> with layout choices drawn from <paramref name="random"/>.</summary>
    public static GeneratedSpec Render(GateFile file, Random random)
    {
        var renderer = new SpecRenderer(random);
        foreach (var item in file.Items)
        {
            renderer.Item(item);
        }

        return new GeneratedSpec(file, renderer.Join(), renderer._comments);
    }

    /// <summary>The tokens of one expression with single spaces, for tests that need an expression's text.</summary>
    public static string ExprText(Expr expr)
    {
        var renderer = new SpecRenderer(new Random(0));
        renderer.Expr(expr);
        return string.Join(' ', renderer._tokens);
    }

    private void Item(Item item)
    {
        switch (item)
        {
            case ImportItem i:
                Emit("import", "\"" + i.Path + "\"");
                break;
            case ConstItem c:
                Emit("const", c.Name.Text, "=");
                Expr(c.Value);
                break;
            case DistributionDecl d:
                Emit("distribution", d.Name.Text);
                Parameters(d.Parameters, alwaysParens: true);
                Body(d.Body);
                break;
            case CellDecl c:
                Emit("cell", c.Name.Text);
                Parameters(c.Parameters, alwaysParens: _random.Next(4) == 0);
                Body(c.Body);
                break;
        }
    }

    private void Parameters(IReadOnlyList<Parameter> parameters, bool alwaysParens)
    {
        if (parameters.Count == 0 && !alwaysParens)
        {
            return;
        }

        Emit("(");
        for (var k = 0; k < parameters.Count; k++)
        {
            if (k > 0)
            {
                Emit(",");
            }

            Emit(parameters[k].Name.Text, ":", parameters[k].Support.Text);
            if (parameters[k].Default is { } value)
            {
                Emit("=");
                Expr(value);
            }
        }

        Emit(")");
    }

    private void Body(IReadOnlyList<Statement> body)
    {
        Emit("{");
        foreach (var statement in body)
        {
            StraySemicolons();
            Statement(statement);
        }

        StraySemicolons();
        Emit("}");
    }

    private void StraySemicolons()
    {
        while (_random.Next(6) == 0)
        {
            Emit(";");
        }
    }

    private void Statement(Statement statement)
    {
        switch (statement)
        {
            case ConstStatement s:
                Emit("const", s.Name.Text, "=");
                Expr(s.Value);
                break;
            case LetStatement s:
                Emit("let");
                Binder(s.Target);
                Emit("=");
                Expr(s.Value);
                break;
            case DrawStatement s:
                Emit("draw");
                Binder(s.Target);
                Emit("~");
                Call(s.Distribution);
                break;
            case GateStatement s:
                Emit("gate", s.Name.Text, "=");
                Expr(s.Value);
                break;
            case GateDrawStatement s:
                Emit("gate");
                Binder(s.Target);
                Emit("~");
                Call(s.Distribution);
                break;
            case CandidateStatement s:
                Emit("candidate", "=");
                Expr(s.Value);
                break;
            case ValueStatement s:
                Emit("value");
                Expr(s.Value);
                break;
            case PriorStatement s:
                Emit("prior", s.Target.Name.Text);
                if (s.Target.Range is { } range)
                {
                    Range(range);
                }

                Emit("~");
                Call(s.Distribution);
                if (s.Weight is { } weight)
                {
                    Emit("weight");
                    Expr(weight);
                }

                break;
            case EvaluateStatement s:
                Emit("evaluate", s.Rule.Text);
                break;
        }
    }

    private void Binder(Binder binder)
    {
        switch (binder)
        {
            case NameBinder b:
                Emit(b.Name.Text);
                break;
            case FamilyBinder b:
                Emit(b.Name.Text);
                Range(b.Range);
                break;
            case TupleBinder b:
                Emit("(");
                for (var k = 0; k < b.Names.Length; k++)
                {
                    if (k > 0)
                    {
                        Emit(",");
                    }

                    Emit(b.Names[k].Text);
                }

                Emit(")");
                break;
        }
    }

    private void Range(RangeSyntax range)
    {
        Emit("[", Int(range.Low));
        if (!range.IsSingleIndex)
        {
            Emit("..", Int(range.High));
        }

        Emit("]");
    }

    private void Call(CallSyntax call)
    {
        Emit(call.Callee.Text);
        Arguments(call.Arguments);
    }

    private void Arguments(IReadOnlyList<Expr> arguments)
    {
        Emit("(");
        for (var k = 0; k < arguments.Count; k++)
        {
            if (k > 0)
            {
                Emit(",");
            }

            Expr(arguments[k]);
        }

        Emit(")");
    }

    private void Expr(Expr expr)
    {
        switch (expr)
        {
            case NumberExpr e: Emit(e.Text); break;
            case NameExpr e: Emit(e.Name.Text); break;
            case IndexExpr e: Emit(e.Name.Text, "[", Int(e.Index), "]"); break;
            case LinearExpr: Emit("linear"); break;
            case CallExpr e:
                Emit(e.Callee.Text);
                Arguments(e.Arguments);
                break;
            case ParenExpr e:
                Emit("(");
                Expr(e.Inner);
                Emit(")");
                break;
            case TupleExpr e: Arguments(e.Elements); break;
            case NegateExpr e:
                Emit("-");
                Expr(e.Operand);
                break;
            case BinaryExpr e:
                Expr(e.Left);
                Emit(e.Operator switch
                {
                    BinaryOperator.Add => "+",
                    BinaryOperator.Subtract => "-",
                    BinaryOperator.Multiply => "*",
                    BinaryOperator.Divide => "/",
                    _ => "^",
                });
                Expr(e.Right);
                break;
        }
    }

    private void Emit(params string[] tokens) => _tokens.AddRange(tokens);

    private string Join()
    {
        var b = new StringBuilder();
        Separator(b, previous: null, next: _tokens.Count > 0 ? _tokens[0] : null);
        for (var k = 0; k < _tokens.Count; k++)
        {
            b.Append(_tokens[k]);
            Separator(b, _tokens[k], k + 1 < _tokens.Count ? _tokens[k + 1] : null);
        }

        return b.ToString();
    }

    private void Separator(StringBuilder b, string? previous, string? next)
    {
        var roll = _random.Next(20);
        if (roll < _commentRate)
        {
            if (_random.Next(2) == 0)
            {
                BlockComment(b);
            }
            else
            {
                LineComment(b);
            }

            return;
        }

        switch (_random.Next(16))
        {
            case < 8:
                b.Append(previous is null || next is null || CanTouch(previous, next) ? string.Empty : " ");
                break;
            case < 11: b.Append(' '); break;
            case < 13: b.Append('\n'); break;
            case 13: b.Append("\r\n  "); break;
            case 14: b.Append("\n\n\t"); break;
            default: b.Append("  \t"); break;
        }
    }

    private void BlockComment(StringBuilder b)
    {
        var text = "/*" + Words(allowLineBreaks: true) + "*/";
        _comments.Add(text);
        // A space on each side: `/` then `/*` would lex as a line comment.
        b.Append(' ').Append(text).Append(' ');
    }

    private void LineComment(StringBuilder b)
    {
        var text = "//" + Words(allowLineBreaks: false);
        _comments.Add(text);
        b.Append(' ').Append(text).Append(_random.Next(3) == 0 ? "\r\n" : "\n");
    }

    private string Words(bool allowLineBreaks)
    {
        var b = new StringBuilder();
        var count = _random.Next(4);
        for (var k = 0; k < count; k++)
        {
            b.Append(allowLineBreaks && _random.Next(5) == 0 ? '\n' : ' ');
            b.Append(CommentWords[_random.Next(CommentWords.Length)]);
        }

        return b.Append(count > 0 && _random.Next(2) == 0 ? " " : string.Empty).ToString();
    }

    /// <summary>Whether two tokens can be written with nothing between them and still lex apart.</summary>
    private static bool CanTouch(string previous, string next) =>
        !(IsWordChar(previous[^1]) && IsWordChar(next[0]))
        && !(previous[^1] == '/' && next[0] is '/' or '*')
        && !(previous[^1] == '.' && next[0] == '.');

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '"';

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
