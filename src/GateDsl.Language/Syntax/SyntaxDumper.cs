using System.Globalization;
using System.Text;

namespace GateDsl.Language.Syntax;

/// <summary>
/// Prints a syntax tree as an S-expression without spans. Two trees that print the same are the
/// same tree up to positions, which is what the formatter round-trip property compares.
/// </summary>
public static class SyntaxDumper
{
    /// <summary>The S-expression of any node.</summary>
    public static string Dump(SyntaxNode node)
    {
        var builder = new StringBuilder();
        Write(builder, node);
        return builder.ToString();
    }

    private static void Write(StringBuilder b, SyntaxNode? node)
    {
        switch (node)
        {
            case null: b.Append("nil"); break;
            case GateFile n: List(b, "file", n.Items); break;
            case ImportItem n: b.Append("(import \"").Append(n.Path).Append("\")"); break;
            case ConstItem n: Open(b, "const").Append(n.Name.Text).Append(' '); Write(b, n.Value); b.Append(')'); break;
            case DistributionDecl n: Decl(b, "distribution", n.Name, n.Parameters, n.Body); break;
            case CellDecl n: Decl(b, "cell", n.Name, n.Parameters, n.Body); break;
            case Parameter n:
                Open(b, "param").Append(n.Name.Text).Append(' ').Append(n.Support.Text).Append(' ');
                Write(b, n.Default);
                b.Append(')');
                break;
            case ConstStatement n: Open(b, "const").Append(n.Name.Text).Append(' '); Write(b, n.Value); b.Append(')'); break;
            case LetStatement n: Open(b, "let"); Write(b, n.Target); b.Append(' '); Write(b, n.Value); b.Append(')'); break;
            case DrawStatement n: Open(b, "draw"); Write(b, n.Target); b.Append(' '); Write(b, n.Distribution); b.Append(')'); break;
            case GateStatement n: Open(b, "gate").Append(n.Name.Text).Append(' '); Write(b, n.Value); b.Append(')'); break;
            case GateDrawStatement n: Open(b, "gate~"); Write(b, n.Target); b.Append(' '); Write(b, n.Distribution); b.Append(')'); break;
            case CandidateStatement n: Open(b, "candidate"); Write(b, n.Value); b.Append(')'); break;
            case ValueStatement n: Open(b, "value"); Write(b, n.Value); b.Append(')'); break;
            case PriorStatement n:
                Open(b, "prior");
                Write(b, n.Target);
                b.Append(' ');
                Write(b, n.Distribution);
                b.Append(' ');
                Write(b, n.Weight);
                b.Append(')');
                break;
            case EvaluateStatement n: Open(b, "evaluate").Append(n.Rule.Text).Append(')'); break;
            case NameBinder n: b.Append(n.Name.Text); break;
            case FamilyBinder n: b.Append(n.Name.Text); Write(b, n.Range); break;
            case TupleBinder n: b.Append('(').AppendJoin(' ', n.Names.Select(x => x.Text)).Append(')'); break;
            case RangeSyntax n: b.Append('[').Append(n.Low).Append("..").Append(n.High).Append(']'); break;
            case PriorTarget n: b.Append(n.Name.Text); Write(b, n.Range); break;
            case CallSyntax n: List(b, "~" + n.Callee.Text, n.Arguments); break;
            case NumberExpr n: b.Append(n.Value.ToString("R", CultureInfo.InvariantCulture)); break;
            case NameExpr n: b.Append(n.Name.Text); break;
            case IndexExpr n: b.Append(n.Name.Text).Append('[').Append(n.Index).Append(']'); break;
            case LinearExpr: b.Append("linear"); break;
            case CallExpr n: List(b, n.Callee.Text, n.Arguments); break;
            case NegateExpr n: Open(b, "neg"); Write(b, n.Operand); b.Append(')'); break;
            case BinaryExpr n: Open(b, BinaryOperatorText.Of(n.Operator)); Write(b, n.Left); b.Append(' '); Write(b, n.Right); b.Append(')'); break;
            case ParenExpr n: Open(b, "paren"); Write(b, n.Inner); b.Append(')'); break;
            case TupleExpr n: List(b, "tuple", n.Elements); break;
            case ErrorExpr: b.Append("<error>"); break;
            default: b.Append('<').Append(node.GetType().Name).Append('>'); break;
        }
    }

    private static void Decl(StringBuilder b, string keyword, Identifier name, IEnumerable<Parameter> parameters, IEnumerable<Statement> body)
    {
        Open(b, keyword).Append(name.Text);
        b.Append(' ');
        List(b, "params", parameters);
        b.Append(' ');
        List(b, "body", body);
        b.Append(')');
    }

    private static void List(StringBuilder b, string head, IEnumerable<SyntaxNode> items)
    {
        b.Append('(').Append(head);
        foreach (var item in items)
        {
            b.Append(' ');
            Write(b, item);
        }

        b.Append(')');
    }

    private static StringBuilder Open(StringBuilder b, string head) => b.Append('(').Append(head).Append(' ');
}
