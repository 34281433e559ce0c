namespace GateDsl.Compiler.Backends.CSharp.Syntax;

/// <summary>
/// Writes a <see cref="CsExpression"/> as C# text with only the parentheses C# needs to evaluate it
/// in the modelled order: operators associate to the left, so a right operand of the same
/// precedence keeps its parentheses (<c>a - (b - c)</c>, and <c>a + (b + c)</c>, which rounds
/// differently from <c>a + b + c</c>).
/// </summary>
internal static class CsPrinter
{
    private const int Primary = 0;
    private const int Unary = 1;
    private const int Multiplicative = 2;
    private const int Additive = 3;

    /// <summary>The expression's text.</summary>
    public static string Print(CsExpression expression) => expression switch
    {
        CsName n => n.Text,
        CsLiteral l => l.Text,
        CsNegate n => "-" + Operand(n.Operand, Unary, allowEqual: true, avoidDoubleMinus: true),
        CsBinary b => Operand(b.Left, Precedence(b), allowEqual: true, avoidDoubleMinus: false)
            + " " + Symbol(b.Operator) + " "
            + Operand(b.Right, Precedence(b), allowEqual: false, avoidDoubleMinus: false),
        CsMemberAccess m => Operand(m.Target, Primary, allowEqual: true, avoidDoubleMinus: false) + "." + m.Member,
        CsInvocation i => Print(i.Target) + "(" + Arguments(i.Arguments) + ")",
        CsNew n => "new " + n.Type + "(" + Arguments(n.Arguments) + ")",
        CsTuple t => "(" + string.Join(", ", t.Elements.Select(Print)) + ")",
        _ => throw new ArgumentOutOfRangeException(nameof(expression), expression, "internal error: no C# text for this expression."),
    };

    private static string Arguments(IEnumerable<CsArgument> arguments) =>
        string.Join(", ", arguments.Select(a => (a.Name is null ? string.Empty : a.Name + ": ") + Print(a.Value)));

    /// <summary>An operand in parentheses where C# would otherwise group it differently.</summary>
    private static string Operand(CsExpression operand, int context, bool allowEqual, bool avoidDoubleMinus)
    {
        var own = PrecedenceOf(operand);
        var text = Print(operand);
        var wrap = own > context || (own == context && !allowEqual) || (avoidDoubleMinus && text.StartsWith('-'));
        return wrap ? "(" + text + ")" : text;
    }

    private static int PrecedenceOf(CsExpression expression) => expression switch
    {
        CsBinary b => Precedence(b),
        CsNegate => Unary,
        CsLiteral { IsNegative: true } => Unary,
        _ => Primary,
    };

    private static int Precedence(CsBinary binary) =>
        binary.Operator is CsBinaryOperator.Add or CsBinaryOperator.Subtract ? Additive : Multiplicative;

    private static string Symbol(CsBinaryOperator op) => op switch
    {
        CsBinaryOperator.Add => "+",
        CsBinaryOperator.Subtract => "-",
        CsBinaryOperator.Multiply => "*",
        _ => "/",
    };
}
