using System.Text;
using GateDsl.Language.Syntax;

namespace GateDsl.Language.Binding;

/// <summary>
/// Prints a bound expression canonically: single spaces around binary operators, numbers as
/// written, and only the parentheses precedence needs. Two expressions that print the same compute
/// the same value from the same symbols (which is what the partial-sum rule compares).
/// </summary>
public static class BoundExprPrinter
{
    private const int AddPrecedence = 1;
    private const int MultiplyPrecedence = 2;
    private const int NegatePrecedence = 3;
    private const int PowerPrecedence = 4;
    private const int AtomPrecedence = 5;

    /// <summary>The canonical text of an expression.</summary>
    public static string Print(BoundExpr expr)
    {
        var b = new StringBuilder();
        Write(b, expr);
        return b.ToString();
    }

    /// <summary>The canonical text of a distribution call as written: <c>Beta(softplus(linear) + eps, 2)</c> (defaults not filled in).</summary>
    public static string PrintCall(BoundDistributionCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return call.Name + "(" + string.Join(", ", call.Arguments.Select(Print)) + ")";
    }

    private static void Write(StringBuilder b, BoundExpr e)
    {
        switch (e)
        {
            case BoundNumber n: b.Append(n.Text); break;
            case BoundLinear: b.Append("linear"); break;
            case BoundName n: b.Append(n.Symbol.Name); break;
            case BoundMember m: b.Append(m.Symbol.Name).Append('[').Append(m.Index).Append(']'); break;
            case BoundCall c:
                b.Append(BuiltinFunctions.Name(c.Function)).Append('(');
                for (var i = 0; i < c.Arguments.Length; i++)
                {
                    if (i > 0)
                    {
                        b.Append(", ");
                    }

                    Write(b, c.Arguments[i]);
                }

                b.Append(')');
                break;
            case BoundTuple t:
                b.Append('(');
                for (var i = 0; i < t.Elements.Length; i++)
                {
                    if (i > 0)
                    {
                        b.Append(", ");
                    }

                    Write(b, t.Elements[i]);
                }

                b.Append(')');
                break;
            case BoundNegate n:
                b.Append('-');
                Operand(b, n.Operand, Precedence(n.Operand) < NegatePrecedence);
                break;
            case BoundBinary bin:
                WriteBinary(b, bin);
                break;
            default:
                b.Append("<error>");
                break;
        }
    }

    private static void WriteBinary(StringBuilder b, BoundBinary root)
    {
        // Left-deep chains (a + b + c + ...) are printed iteratively to keep the stack flat.
        var spine = new Stack<BoundBinary>();
        BoundExpr e = root;
        while (e is BoundBinary bin && bin.Operator != BinaryOperator.Power && (spine.Count == 0 || Precedence(bin) == Precedence(spine.Peek())))
        {
            spine.Push(bin);
            e = bin.Left;
        }

        if (spine.Count == 0)
        {
            // A power: right-associative, so the left operand needs parentheses at equal precedence.
            var power = (BoundBinary)e;
            Operand(b, power.Left, Precedence(power.Left) <= PowerPrecedence);
            b.Append(" ^ ");
            Operand(b, power.Right, Precedence(power.Right) < PowerPrecedence);
            return;
        }

        var p = Precedence(spine.Peek());
        Operand(b, e, Precedence(e) < p);
        while (spine.Count > 0)
        {
            var bin = spine.Pop();
            b.Append(' ').Append(BinaryOperatorText.Of(bin.Operator)).Append(' ');
            Operand(b, bin.Right, Precedence(bin.Right) <= p);
        }
    }

    private static void Operand(StringBuilder b, BoundExpr e, bool parenthesise)
    {
        if (parenthesise)
        {
            b.Append('(');
            Write(b, e);
            b.Append(')');
        }
        else
        {
            Write(b, e);
        }
    }

    private static int Precedence(BoundExpr e) => e switch
    {
        BoundBinary { Operator: BinaryOperator.Add or BinaryOperator.Subtract } => AddPrecedence,
        BoundBinary { Operator: BinaryOperator.Multiply or BinaryOperator.Divide } => MultiplyPrecedence,
        BoundBinary => PowerPrecedence,
        BoundNegate => NegatePrecedence,
        BoundNumber { Value: < 0 } => NegatePrecedence,
        _ => AtomPrecedence,
    };
}
