using System.Collections.Immutable;
using GateDsl.Language.Text;

namespace GateDsl.Language.Syntax;

/// <summary><c>g[1..5]</c>: a family of independent members g[1] .. g[5], each with its own heads.</summary>
public sealed record FamilyBinder(Identifier Name, RangeSyntax Range, TextSpan Span) : Binder(Span);
