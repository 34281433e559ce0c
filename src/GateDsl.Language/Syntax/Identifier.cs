using System.Collections.Immutable;
using GateDsl.Language.Text;

namespace GateDsl.Language.Syntax;

/// <summary>A name as written, with its span.</summary>
public sealed record Identifier(string Text, TextSpan Span) : SyntaxNode(Span);
