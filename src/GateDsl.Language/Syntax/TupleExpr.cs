using System.Collections.Immutable;
using GateDsl.Language.Text;

namespace GateDsl.Language.Syntax;

/// <summary><c>(x, y)</c>: the value of a joint distribution.</summary>
public sealed record TupleExpr(ImmutableArray<Expr> Elements, TextSpan Span) : Expr(Span);
