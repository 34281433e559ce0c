using System.Collections.Immutable;
using GateDsl.Language.Text;

namespace GateDsl.Language.Syntax;

/// <summary>What a draw, gate or let binds: a name, an indexed family or a tuple.</summary>
public abstract record Binder(TextSpan Span) : SyntaxNode(Span);
