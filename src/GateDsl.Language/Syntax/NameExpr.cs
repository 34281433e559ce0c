using System.Collections.Immutable;
using GateDsl.Language.Text;

namespace GateDsl.Language.Syntax;

/// <summary>A reference to a constant, parameter, let, draw or gate.</summary>
public sealed record NameExpr(Identifier Name, TextSpan Span) : Expr(Span);
