using GateDsl.Language.Text;

namespace GateDsl.Language.Binding;

/// <summary>A reference to a constant, parameter, let, draw or gate.</summary>
public sealed record BoundName(Symbol Symbol, TextSpan Span) : BoundExpr(Symbol.Support, Span);
