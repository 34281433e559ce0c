using System.Collections.Immutable;
using GateDsl.Language.Text;

namespace GateDsl.Language.Syntax;

/// <summary>What a prior applies to: a name, optionally with a range or index of a family.</summary>
public sealed record PriorTarget(Identifier Name, RangeSyntax? Range, TextSpan Span) : SyntaxNode(Span);
