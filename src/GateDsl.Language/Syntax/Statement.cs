using System.Collections.Immutable;
using GateDsl.Language.Text;

namespace GateDsl.Language.Syntax;

/// <summary>A statement inside a cell or distribution body.</summary>
public abstract record Statement(TextSpan Span) : SyntaxNode(Span);
