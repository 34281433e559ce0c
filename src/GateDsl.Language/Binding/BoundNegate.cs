using GateDsl.Language.Text;

namespace GateDsl.Language.Binding;

/// <summary><c>-x</c>.</summary>
public sealed record BoundNegate(BoundExpr Operand, TextSpan Span) : BoundExpr(SupportRules.Negate(Operand.Support), Span);
