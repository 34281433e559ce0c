using System.Collections.Immutable;
using GateDsl.Language.Text;

namespace GateDsl.Language.Syntax;

/// <summary>Base of every syntax node: each one knows the characters it covers.</summary>
public abstract record SyntaxNode(TextSpan Span);
