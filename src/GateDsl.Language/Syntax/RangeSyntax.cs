using System.Collections.Immutable;
using GateDsl.Language.Text;

namespace GateDsl.Language.Syntax;

/// <summary><c>low..high</c>, inclusive. A single index <c>[k]</c> in a prior target is the range k..k.</summary>
public sealed record RangeSyntax(int Low, int High, bool IsSingleIndex, TextSpan Span) : SyntaxNode(Span);
