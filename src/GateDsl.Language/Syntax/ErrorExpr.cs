using System.Collections.Immutable;
using GateDsl.Language.Text;

namespace GateDsl.Language.Syntax;

/// <summary>Stands where the parser could not read an expression; a syntax diagnostic was reported.</summary>
public sealed record ErrorExpr(TextSpan Span) : Expr(Span);
