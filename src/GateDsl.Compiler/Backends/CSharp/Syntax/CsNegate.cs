namespace GateDsl.Compiler.Backends.CSharp.Syntax;

/// <summary><c>-operand</c> (TorchSharp: <c>operand.neg()</c>).</summary>
/// <param name="Operand">The operand.</param>
internal sealed record CsNegate(CsExpression Operand) : CsExpression;
