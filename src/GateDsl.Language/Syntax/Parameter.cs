using System.Collections.Immutable;
using GateDsl.Language.Text;

namespace GateDsl.Language.Syntax;

/// <summary>A declared parameter <c>name: Support</c> with an optional default <c>= expr</c>.</summary>
public sealed record Parameter(Identifier Name, Identifier Support, Expr? Default, TextSpan Span) : SyntaxNode(Span);
