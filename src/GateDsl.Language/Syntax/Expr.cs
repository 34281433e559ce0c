using System.Collections.Immutable;
using GateDsl.Language.Text;

namespace GateDsl.Language.Syntax;

/// <summary>An expression.</summary>
public abstract record Expr(TextSpan Span) : SyntaxNode(Span);
