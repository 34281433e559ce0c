using System.Collections.Immutable;
using GateDsl.Language.Text;

namespace GateDsl.Language.Syntax;

/// <summary>A single name.</summary>
public sealed record NameBinder(Identifier Name, TextSpan Span) : Binder(Span);
