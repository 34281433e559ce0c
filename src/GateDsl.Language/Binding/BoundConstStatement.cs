using GateDsl.Language.Text;

namespace GateDsl.Language.Binding;

/// <summary><c>const name = value</c> in a body.</summary>
public sealed record BoundConstStatement(ConstSymbol Symbol, BoundExpr Value, TextSpan Span) : BoundStatement(Span);
