using GateDsl.Language.Text;

namespace GateDsl.Language.Binding;

/// <summary><c>let name = value</c>; for a family <c>let a[1..3]</c> the value is computed once per member.</summary>
public sealed record BoundLetStatement(LetSymbol Symbol, BoundExpr Value, TextSpan Span) : BoundStatement(Span);
