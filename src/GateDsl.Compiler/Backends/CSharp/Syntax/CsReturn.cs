namespace GateDsl.Compiler.Backends.CSharp.Syntax;

/// <summary><c>return value;</c></summary>
/// <param name="Value">The value returned.</param>
internal sealed record CsReturn(CsExpression Value) : CsStatement;
