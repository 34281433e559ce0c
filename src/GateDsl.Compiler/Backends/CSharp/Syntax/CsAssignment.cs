namespace GateDsl.Compiler.Backends.CSharp.Syntax;

/// <summary><c>name = value;</c></summary>
/// <param name="Name">A local declared before.</param>
/// <param name="Value">The new value.</param>
internal sealed record CsAssignment(string Name, CsExpression Value) : CsStatement;
