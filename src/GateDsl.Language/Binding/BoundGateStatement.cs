using GateDsl.Language.Text;

namespace GateDsl.Language.Binding;

/// <summary><c>gate x = value</c>.</summary>
public sealed record BoundGateStatement(GateSymbol Symbol, BoundExpr Value, TextSpan Span) : BoundStatement(Span);
