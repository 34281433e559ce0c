using GateDsl.Language.Syntax;

namespace GateDsl.Language.Binding;

/// <summary>
/// The typing rules of the supports system, kept apart from the binder so that each rule can be
/// unit-tested on its own. Every rule is sound: the result support always contains the value.
/// </summary>
public static class SupportRules
{
    /// <summary>Whether a value of support <paramref name="actual"/> may stand where <paramref name="expected"/> is needed.</summary>
    public static bool IsSubtypeOf(Support actual, Support expected) => (int)actual <= (int)expected;

    /// <summary>Parses a support name as written in a parameter declaration.</summary>
    public static bool TryParse(string text, out Support support)
    {
        switch (text)
        {
            case "Real": support = Support.Real; return true;
            case "Positive": support = Support.Positive; return true;
            case "UnitInterval": support = Support.UnitInterval; return true;
            default: support = Support.Real; return false;
        }
    }

    /// <summary>The names of the supports, for suggestions.</summary>
    public static IReadOnlyList<string> Names { get; } = new[] { "Real", "Positive", "UnitInterval" };

    /// <summary>Whether a known number lies in a support (supports are open sets).</summary>
    public static bool Contains(Support support, double value) => support switch
    {
        Support.UnitInterval => value > 0 && value < 1,
        Support.Positive => value > 0 && !double.IsNaN(value),
        _ => !double.IsNaN(value),
    };

    /// <summary>A number literal: in (0,1) is UnitInterval, above 0 is Positive, anything else Real.</summary>
    public static Support OfLiteral(double value) =>
        Contains(Support.UnitInterval, value) ? Support.UnitInterval
        : Contains(Support.Positive, value) ? Support.Positive
        : Support.Real;

    /// <summary>The smallest support containing both (their join).</summary>
    public static Support Join(Support a, Support b) => (Support)Math.Max((int)a, (int)b);

    /// <summary>a + b: Positive if both are Positive (a sum of positives is positive), else Real.</summary>
    public static Support Add(Support left, Support right) =>
        IsSubtypeOf(left, Support.Positive) && IsSubtypeOf(right, Support.Positive) ? Support.Positive : Support.Real;

    /// <summary>
    /// a - b: Real, except <c>1 - x</c> with x in (0,1), which stays in (0,1) (the complement of a gate).
    /// </summary>
    /// <param name="left">Support of the left operand.</param>
    /// <param name="right">Support of the right operand.</param>
    /// <param name="leftIsOne">Whether the left operand is the constant 1 (written 1 or 1.0).</param>
    public static Support Subtract(Support left, Support right, bool leftIsOne) =>
        leftIsOne && right == Support.UnitInterval ? Support.UnitInterval : Support.Real;

    /// <summary>a * b: closed in (0,1) and in (0,inf); Real otherwise.</summary>
    public static Support Multiply(Support left, Support right) =>
        left == Support.UnitInterval && right == Support.UnitInterval ? Support.UnitInterval
        : IsSubtypeOf(left, Support.Positive) && IsSubtypeOf(right, Support.Positive) ? Support.Positive
        : Support.Real;

    /// <summary>
    /// a / b on supports alone: Positive over Positive is Positive, else Real. The binder upgrades a
    /// partial-sum ratio to UnitInterval with <see cref="Divide(BoundExpr, BoundExpr)"/>.
    /// </summary>
    public static Support Divide(Support left, Support right) =>
        IsSubtypeOf(left, Support.Positive) && IsSubtypeOf(right, Support.Positive) ? Support.Positive : Support.Real;

    /// <summary>
    /// a / b on bound operands: <see cref="IsPartialSumRatio"/> gives UnitInterval, otherwise the
    /// support-only rule.
    /// </summary>
    public static Support Divide(BoundExpr left, BoundExpr right) =>
        IsPartialSumRatio(left, right) ? Support.UnitInterval : Divide(left.Support, right.Support);

    /// <summary>-x: Real (negation leaves every positive support).</summary>
    public static Support Negate(Support operand) => Support.Real;

    /// <summary>Whether a ^ b is defined for this base: the base must be Positive.</summary>
    public static bool IsValidPowerBase(Support @base) => IsSubtypeOf(@base, Support.Positive);

    /// <summary>
    /// a ^ b with a Positive base: a number in (0,1) raised to a positive power stays in (0,1);
    /// otherwise the result is only known to be Positive.
    /// </summary>
    public static Support Power(Support @base, Support exponent) =>
        @base == Support.UnitInterval && IsSubtypeOf(exponent, Support.Positive) ? Support.UnitInterval : Support.Positive;

    /// <summary>
    /// The partial-sum ratio rule: flatten both sides into sums of terms; if every term is Positive
    /// and the numerator's terms are a strict sub-multiset of the denominator's, the ratio is in (0,1).
    /// Terms are compared structurally (<see cref="BoundExprPrinter"/> text, which ignores spans and
    /// parentheses). A term that contains <c>linear</c> never matches anything, since every
    /// <c>linear</c> is its own head: softplus(linear) / (softplus(linear) + 1) is not a partial sum.
    /// </summary>
    public static bool IsPartialSumRatio(BoundExpr numerator, BoundExpr denominator)
    {
        var top = Terms(numerator);
        var bottom = Terms(denominator);
        if (top.Count == 0 || top.Count >= bottom.Count)
        {
            return false;
        }

        if (top.Concat(bottom).Any(t => !IsSubtypeOf(t.Support, Support.Positive) || BoundExprWalker.ContainsLinear(t)))
        {
            return false;
        }

        var remaining = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in bottom)
        {
            var key = BoundExprPrinter.Print(term);
            remaining[key] = remaining.GetValueOrDefault(key) + 1;
        }

        foreach (var term in top)
        {
            var key = BoundExprPrinter.Print(term);
            if (remaining.GetValueOrDefault(key) == 0)
            {
                return false;
            }

            remaining[key]--;
        }

        return true;
    }

    /// <summary>The fix to suggest when <paramref name="actual"/> is given where <paramref name="expected"/> is needed (with a leading ": ").</summary>
    public static string FixFor(Support expected, Support actual) => (expected, actual) switch
    {
        (Support.Positive, Support.Real) => ": wrap it in softplus(...)",
        (Support.UnitInterval, Support.Real) => ": wrap it in sigmoid(...)",
        (Support.UnitInterval, Support.Positive) => ": divide it by a larger sum of the same positive terms, or use sigmoid(...)",
        _ => string.Empty,
    };

    /// <summary>The result support of a link function (see <see cref="BuiltinFunctions"/>).</summary>
    public static Support OfFunction(BuiltinFunction function) => BuiltinFunctions.ResultSupport(function);

    /// <summary>The support a function needs of its argument (log needs a Positive one).</summary>
    public static Support ArgumentOfFunction(BuiltinFunction function) => BuiltinFunctions.ArgumentSupport(function);

    private static List<BoundExpr> Terms(BoundExpr expr)
    {
        // Iterative: a long sum is a deep left-leaning tree.
        var terms = new List<BoundExpr>();
        var stack = new Stack<BoundExpr>();
        stack.Push(expr);
        while (stack.Count > 0)
        {
            var e = stack.Pop();
            if (e is BoundBinary { Operator: BinaryOperator.Add } add)
            {
                stack.Push(add.Right);
                stack.Push(add.Left);
            }
            else
            {
                terms.Add(e);
            }
        }

        return terms;
    }
}
