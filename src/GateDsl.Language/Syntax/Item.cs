using System.Collections.Immutable;
using GateDsl.Language.Text;

namespace GateDsl.Language.Syntax;

/// <summary>A top-level item: import, constant, distribution or cell.</summary>
public abstract record Item(TextSpan Span) : SyntaxNode(Span);
