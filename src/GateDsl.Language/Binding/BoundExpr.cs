using GateDsl.Language.Text;

namespace GateDsl.Language.Binding;

/// <summary>A checked expression: what it computes and the support its value lies in.</summary>
/// <param name="Support">The support the typing rules give the value.</param>
/// <param name="Span">Where the expression is written.</param>
public abstract record BoundExpr(Support Support, TextSpan Span);
