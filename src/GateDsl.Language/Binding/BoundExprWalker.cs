using GateDsl.Language.Syntax;

namespace GateDsl.Language.Binding;

/// <summary>Queries over bound expressions. Iterative, since long operator chains make deep trees.</summary>
public static class BoundExprWalker
{
    /// <summary>Every node of the expression, parents before children.</summary>
    public static IEnumerable<BoundExpr> Nodes(BoundExpr root)
    {
        var stack = new Stack<BoundExpr>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var e = stack.Pop();
            yield return e;
            switch (e)
            {
                case BoundBinary b:
                    stack.Push(b.Right);
                    stack.Push(b.Left);
                    break;
                case BoundNegate n:
                    stack.Push(n.Operand);
                    break;
                case BoundCall c:
                    for (var i = c.Arguments.Length - 1; i >= 0; i--)
                    {
                        stack.Push(c.Arguments[i]);
                    }

                    break;
                case BoundTuple t:
                    for (var i = t.Elements.Length - 1; i >= 0; i--)
                    {
                        stack.Push(t.Elements[i]);
                    }

                    break;
            }
        }
    }

    /// <summary>Number of <c>linear</c> heads written in the expression.</summary>
    public static int CountLinear(BoundExpr root) => Nodes(root).Count(e => e is BoundLinear);

    /// <summary>Whether the expression contains a <c>linear</c> head.</summary>
    public static bool ContainsLinear(BoundExpr root) => Nodes(root).Any(e => e is BoundLinear);

    /// <summary>Whether the value is random: it refers to a draw, or to a let or gate that does.</summary>
    public static bool IsStochastic(BoundExpr root) =>
        Nodes(root).Any(e => e is BoundName { Symbol.IsStochastic: true } or BoundMember { Symbol.IsStochastic: true });

    /// <summary>
    /// What keeps the expression from being a compile-time constant ("linear", "draw 'g'"), or null
    /// when it is one. Constants and cell hyperparameters are constant; everything else varies.
    /// </summary>
    public static string? Variation(BoundExpr root)
    {
        foreach (var e in Nodes(root))
        {
            switch (e)
            {
                case BoundLinear:
                    return "`linear`";
                case BoundName { Symbol: var s }:
                    if (Varies(s))
                    {
                        return $"{s.KindName} '{s.Name}'";
                    }

                    break;
                case BoundMember { Symbol: var m }:
                    return $"{m.KindName} '{m.Name}'";
            }
        }

        return null;
    }

    /// <summary>Folds a constant expression to its value; null when it is not constant or not finite.</summary>
    public static double? Fold(BoundExpr e)
    {
        // Recursion is bounded by the syntax tree's depth; long chains are left-deep, so fold the
        // left spine iteratively.
        switch (e)
        {
            case BoundNumber n:
                return n.Value;
            case BoundName { Symbol: ConstSymbol c }:
                return c.Value;
            case BoundName { Symbol: ParameterSymbol { IsHyperParameter: true } p }:
                return p.DefaultValue;
            case BoundNegate n:
                return Finite(-Fold(n.Operand));
            case BoundCall { Arguments.Length: 1 } c when Fold(c.Arguments[0]) is { } x:
                return Finite(BuiltinFunctions.Evaluate(c.Function, x));
            case BoundBinary b:
                return FoldBinary(b);
            default:
                return null;
        }
    }

    private static double? FoldBinary(BoundBinary root)
    {
        // Walk down the left spine, then apply the operators on the way back up.
        var spine = new Stack<BoundBinary>();
        BoundExpr e = root;
        while (e is BoundBinary b)
        {
            spine.Push(b);
            e = b.Left;
        }

        var value = Fold(e);
        while (spine.Count > 0 && value is { } left)
        {
            var b = spine.Pop();
            if (Fold(b.Right) is not { } right)
            {
                return null;
            }

            value = Finite(BinaryOperators.Evaluate(b.Operator, left, right));
        }

        return value;
    }

    private static bool Varies(Symbol s) => s switch
    {
        ConstSymbol => false,
        ParameterSymbol p => !p.IsHyperParameter,
        _ => true,
    };

    private static double? Finite(double? x) => x is { } v && double.IsFinite(v) ? v : null;
}
