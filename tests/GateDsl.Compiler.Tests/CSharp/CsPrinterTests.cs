using GateDsl.Compiler.Backends.CSharp.Syntax;

namespace GateDsl.Compiler.Tests.CSharp;

/// <summary>The printer keeps C#'s grouping equal to the modelled one, with no parentheses to spare.</summary>
public sealed class CsPrinterTests
{
    private static readonly CsName A = new("a");
    private static readonly CsName B = new("b");
    private static readonly CsName C = new("c");

    [Fact]
    public void Right_operands_of_equal_precedence_keep_their_parentheses()
    {
        Assert.Equal("a + b + c", Print(Add(Add(A, B), C)));
        Assert.Equal("a + (b + c)", Print(Add(A, Add(B, C))));
        Assert.Equal("a - (b - c)", Print(new CsBinary(CsBinaryOperator.Subtract, A, new CsBinary(CsBinaryOperator.Subtract, B, C))));
        Assert.Equal("a / (b * c)", Print(new CsBinary(CsBinaryOperator.Divide, A, Mul(B, C))));
    }

    [Fact]
    public void Lower_precedence_operands_are_wrapped_higher_ones_are_not()
    {
        Assert.Equal("(a + b) * c", Print(Mul(Add(A, B), C)));
        Assert.Equal("a * b + c", Print(Add(Mul(A, B), C)));
        Assert.Equal("a + b * c", Print(Add(A, Mul(B, C))));
        Assert.Equal("(a + b).pow(c)", Print(CsInvocation.Method(Add(A, B), "pow", C)));
        Assert.Equal("-(a + b)", Print(new CsNegate(Add(A, B))));
        Assert.Equal("-(-a)", Print(new CsNegate(new CsNegate(A))));
        Assert.Equal("a * -0.5", Print(Mul(A, CsLiteral.Number(-0.5))));
    }

    [Fact]
    public void Calls_constructions_and_literals_print_as_CSharp()
    {
        var law = CsNew.Of("Gamma", [new CsArgument(A), new CsArgument(new CsLiteral("false"), "validate")]);
        Assert.Equal("new Gamma(a, validate: false).Mean", Print(new CsMemberAccess(law, "Mean")));
        Assert.Equal("1.0", CsLiteral.Number(1).Text);
        Assert.Equal("0.001", CsLiteral.Number(1e-3).Text);
        Assert.Equal("1E-05", CsLiteral.Number(1e-5).Text);
        Assert.Equal("\"a\\\"b\\\\\"", CsLiteral.String("a\"b\\").Text);
    }

    private static CsBinary Add(CsExpression l, CsExpression r) => new(CsBinaryOperator.Add, l, r);

    private static CsBinary Mul(CsExpression l, CsExpression r) => new(CsBinaryOperator.Multiply, l, r);

    private static string Print(CsExpression e) => CsPrinter.Print(e);
}
