using System.Collections.Immutable;
using GateDsl.Language.Text;

namespace GateDsl.Language.Syntax;

/// <summary><c>f(args)</c>: a link function such as softplus, exp, log, sigmoid or tanh.</summary>
public sealed record CallExpr(Identifier Callee, ImmutableArray<Expr> Arguments, TextSpan Span) : Expr(Span);
