using System.Collections.Immutable;
using GateDsl.Language.Text;

namespace GateDsl.Language.Syntax;

/// <summary><c>left op right</c> for + - * / ^.</summary>
public sealed record BinaryExpr(BinaryOperator Operator, Expr Left, Expr Right, TextSpan Span) : Expr(Span);
