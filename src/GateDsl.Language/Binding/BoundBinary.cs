using GateDsl.Language.Syntax;
using GateDsl.Language.Text;

namespace GateDsl.Language.Binding;

/// <summary><c>left op right</c>; parentheses are not kept (the printer puts back the needed ones).</summary>
public sealed record BoundBinary(BinaryOperator Operator, BoundExpr Left, BoundExpr Right, Support Support, TextSpan Span) : BoundExpr(Support, Span);
