using System.Globalization;
using System.Text;
using GateDsl.Language.Syntax;

namespace GateDsl.Language.Formatting;

/// <summary>
/// Writes single nodes (expressions, statements, item headers) in the canonical spacing, on one
/// line and without comments; <see cref="LayoutWriter"/> places lines and comments around them.
/// It prints exactly the tree it is given: it never adds or drops parentheses, because the tree
/// came from the parser, so the printed tokens parse back to the same tree.
/// </summary>
internal static class SyntaxPrinter
{
    /// <summary>Appends an expression: <c>a + b</c>, <c>f(x, y)</c>, <c>g[1]</c>, <c>-x</c>, <c>(x, y)</c>.</summary>
    public static void AppendExpr(StringBuilder b, Expr expr)
    {
        // Long chains such as a + b + c + ... nest to the left; walk that spine with a stack so a
        // generated file with thousands of terms does not recurse once per term.
        var spine = new Stack<BinaryExpr>();
        var leftmost = expr;
        while (leftmost is BinaryExpr binary)
        {
            spine.Push(binary);
            leftmost = binary.Left;
        }

        AppendOperand(b, leftmost);
        while (spine.Count > 0)
        {
            var binary = spine.Pop();
            b.Append(' ').Append(BinaryOperatorText.Of(binary.Operator)).Append(' ');
            AppendExpr(b, binary.Right);
        }
    }

    /// <summary>Appends a statement of a cell or distribution body, without indentation.</summary>
    public static void AppendStatement(StringBuilder b, Statement statement)
    {
        switch (statement)
        {
            case ConstStatement s:
                b.Append("const ").Append(s.Name.Text).Append(" = ");
                AppendExpr(b, s.Value);
                break;
            case LetStatement s:
                b.Append("let ");
                AppendBinder(b, s.Target);
                b.Append(" = ");
                AppendExpr(b, s.Value);
                break;
            case DrawStatement s:
                b.Append("draw ");
                AppendBinder(b, s.Target);
                b.Append(" ~ ");
                AppendCall(b, s.Distribution);
                break;
            case GateStatement s:
                b.Append("gate ").Append(s.Name.Text).Append(" = ");
                AppendExpr(b, s.Value);
                break;
            case GateDrawStatement s:
                b.Append("gate ");
                AppendBinder(b, s.Target);
                b.Append(" ~ ");
                AppendCall(b, s.Distribution);
                break;
            case CandidateStatement s:
                b.Append("candidate = ");
                AppendExpr(b, s.Value);
                break;
            case ValueStatement s:
                b.Append("value ");
                AppendExpr(b, s.Value);
                break;
            case PriorStatement s:
                b.Append("prior ");
                AppendPriorTarget(b, s.Target);
                b.Append(" ~ ");
                AppendCall(b, s.Distribution);
                if (s.Weight is not null)
                {
                    b.Append(" weight ");
                    AppendExpr(b, s.Weight);
                }

                break;
            case EvaluateStatement s:
                b.Append("evaluate ").Append(s.Rule.Text);
                break;
            default:
                throw new InvalidOperationException($"The formatter does not know the statement {statement.GetType().Name}.");
        }
    }

    /// <summary>Appends an import or a file-level constant.</summary>
    public static void AppendSimpleItem(StringBuilder b, Item item)
    {
        switch (item)
        {
            case ImportItem i:
                // The lexer's STRING holds no quote or line break, so the path needs no escaping.
                b.Append("import \"").Append(i.Path).Append('"');
                break;
            case ConstItem c:
                b.Append("const ").Append(c.Name.Text).Append(" = ");
                AppendExpr(b, c.Value);
                break;
            default:
                throw new InvalidOperationException($"{item.GetType().Name} is not a one-line item.");
        }
    }

    /// <summary>
    /// Appends <c>distribution D(a: Positive) </c> or <c>cell X </c> (a cell without parameters
    /// gets no empty parentheses; a distribution always has its list, as the grammar requires),
    /// ending with the space before the opening brace.
    /// </summary>
    public static void AppendHeader(StringBuilder b, Item declaration)
    {
        switch (declaration)
        {
            case DistributionDecl d:
                b.Append("distribution ").Append(d.Name.Text);
                AppendParameters(b, d.Parameters);
                break;
            case CellDecl c:
                b.Append("cell ").Append(c.Name.Text);
                if (c.Parameters.Length > 0)
                {
                    AppendParameters(b, c.Parameters);
                }

                break;
            default:
                throw new InvalidOperationException($"{declaration.GetType().Name} has no body.");
        }

        b.Append(' ');
    }

    private static void AppendParameters(StringBuilder b, IReadOnlyList<Parameter> parameters)
    {
        b.Append('(');
        for (var k = 0; k < parameters.Count; k++)
        {
            if (k > 0)
            {
                b.Append(", ");
            }

            var p = parameters[k];
            b.Append(p.Name.Text).Append(": ").Append(p.Support.Text);
            if (p.Default is not null)
            {
                b.Append(" = ");
                AppendExpr(b, p.Default);
            }
        }

        b.Append(')');
    }

    private static void AppendOperand(StringBuilder b, Expr expr)
    {
        switch (expr)
        {
            case NumberExpr n:
                // The text as written: 1e-3 stays 1e-3 and .5 stays .5.
                b.Append(n.Text);
                break;
            case NameExpr n:
                b.Append(n.Name.Text);
                break;
            case IndexExpr n:
                b.Append(n.Name.Text).Append('[').Append(Int(n.Index)).Append(']');
                break;
            case LinearExpr:
                b.Append("linear");
                break;
            case CallExpr n:
                b.Append(n.Callee.Text);
                AppendArguments(b, n.Arguments);
                break;
            case ParenExpr n:
                b.Append('(');
                AppendExpr(b, n.Inner);
                b.Append(')');
                break;
            case TupleExpr n:
                AppendArguments(b, n.Elements);
                break;
            case NegateExpr n:
                b.Append('-');
                if (n.Operand is NegateExpr)
                {
                    // "- -x" rather than "--x", which reads like a decrement.
                    b.Append(' ');
                }

                AppendExpr(b, n.Operand);
                break;
            case BinaryExpr n:
                AppendExpr(b, n);
                break;
            default:
                throw new InvalidOperationException($"The formatter cannot print {expr.GetType().Name}: the tree has syntax errors.");
        }
    }

    private static void AppendArguments(StringBuilder b, IReadOnlyList<Expr> arguments)
    {
        b.Append('(');
        for (var k = 0; k < arguments.Count; k++)
        {
            if (k > 0)
            {
                b.Append(", ");
            }

            AppendExpr(b, arguments[k]);
        }

        b.Append(')');
    }

    private static void AppendCall(StringBuilder b, CallSyntax call)
    {
        b.Append(call.Callee.Text);
        AppendArguments(b, call.Arguments);
    }

    private static void AppendBinder(StringBuilder b, Binder binder)
    {
        switch (binder)
        {
            case NameBinder n:
                b.Append(n.Name.Text);
                break;
            case FamilyBinder n:
                b.Append(n.Name.Text);
                AppendRange(b, n.Range);
                break;
            case TupleBinder n:
                b.Append('(').AppendJoin(", ", n.Names.Select(name => name.Text)).Append(')');
                break;
            default:
                throw new InvalidOperationException($"The formatter does not know the binder {binder.GetType().Name}.");
        }
    }

    private static void AppendPriorTarget(StringBuilder b, PriorTarget target)
    {
        b.Append(target.Name.Text);
        if (target.Range is not null)
        {
            AppendRange(b, target.Range);
        }
    }

    private static void AppendRange(StringBuilder b, RangeSyntax range)
    {
        b.Append('[').Append(Int(range.Low));
        if (!range.IsSingleIndex)
        {
            b.Append("..").Append(Int(range.High));
        }

        b.Append(']');
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
