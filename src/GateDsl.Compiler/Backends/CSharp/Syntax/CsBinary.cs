namespace GateDsl.Compiler.Backends.CSharp.Syntax;

/// <summary><c>left op right</c>.</summary>
/// <param name="Operator">The operator.</param>
/// <param name="Left">The left operand.</param>
/// <param name="Right">The right operand.</param>
internal sealed record CsBinary(CsBinaryOperator Operator, CsExpression Left, CsExpression Right) : CsExpression;
