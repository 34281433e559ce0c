using System.Collections.Immutable;
using GateDsl.Language.Text;

namespace GateDsl.Language.Syntax;

/// <summary>The root of one parsed .gate file: its top-level items in order.</summary>
public sealed record GateFile(ImmutableArray<Item> Items, TextSpan Span) : SyntaxNode(Span);
