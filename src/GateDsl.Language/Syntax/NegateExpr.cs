using System.Collections.Immutable;
using GateDsl.Language.Text;

namespace GateDsl.Language.Syntax;

/// <summary><c>-x</c>.</summary>
public sealed record NegateExpr(Expr Operand, TextSpan Span) : Expr(Span);
