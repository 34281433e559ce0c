namespace GateDsl.Compiler.Backends.CSharp.Syntax;

/// <summary><c>var name = value;</c></summary>
/// <param name="Name">A valid, unused local name.</param>
/// <param name="Value">The initial value.</param>
internal sealed record CsLocal(string Name, CsExpression Value) : CsStatement;
