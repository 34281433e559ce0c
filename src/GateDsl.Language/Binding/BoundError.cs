using GateDsl.Language.Text;

namespace GateDsl.Language.Binding;

/// <summary>
/// Stands for an expression that could not be bound (a syntax error or an undefined name, both
/// already reported). Its support is UnitInterval, the smallest, so it fits every check and one
/// mistake is reported once instead of cascading into support errors.
/// </summary>
public sealed record BoundError(TextSpan Span) : BoundExpr(Support.UnitInterval, Span);
