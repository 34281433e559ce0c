using GateDsl.Language.Syntax;

namespace GateDsl.Language.Binding;

/// <summary>What each binary operator computes on numbers: one definition for the binder's and the compiler's constant folding.</summary>
public static class BinaryOperators
{
    /// <summary><paramref name="left"/> op <paramref name="right"/> in double precision (IEEE: 1 / 0 is infinite, 0 / 0 NaN).</summary>
    public static double Evaluate(BinaryOperator op, double left, double right) => op switch
    {
        BinaryOperator.Add => left + right,
        BinaryOperator.Subtract => left - right,
        BinaryOperator.Multiply => left * right,
        BinaryOperator.Divide => left / right,
        BinaryOperator.Power => Math.Pow(left, right),
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "unknown binary operator"),
    };
}
