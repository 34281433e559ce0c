using System.Collections.Immutable;
using GateDsl.Language.Text;

namespace GateDsl.Language.Syntax;

/// <summary><c>g[k]</c>: one member of a family.</summary>
public sealed record IndexExpr(Identifier Name, int Index, TextSpan IndexSpan, TextSpan Span) : Expr(Span);
