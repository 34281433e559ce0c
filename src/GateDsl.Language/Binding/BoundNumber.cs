using GateDsl.Language.Text;

namespace GateDsl.Language.Binding;

/// <summary>A number literal; <paramref name="Text"/> keeps how it was written.</summary>
public sealed record BoundNumber(double Value, string Text, TextSpan Span) : BoundExpr(SupportRules.OfLiteral(Value), Span);
