namespace GateDsl.Language.Syntax;

/// <summary>How each binary operator is written: one table for the parser, printers and dumps.</summary>
public static class BinaryOperatorText
{
    /// <summary>The operator as written in a spec: <c>+ - * / ^</c>.</summary>
    public static string Of(BinaryOperator op) => op switch
    {
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        BinaryOperator.Power => "^",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "unknown binary operator"),
    };

    /// <summary>The operator written as <paramref name="text"/>, if it is one.</summary>
    public static BinaryOperator? Parse(string? text) => text switch
    {
        "+" => BinaryOperator.Add,
        "-" => BinaryOperator.Subtract,
        "*" => BinaryOperator.Multiply,
        "/" => BinaryOperator.Divide,
        "^" => BinaryOperator.Power,
        _ => null,
    };
}
