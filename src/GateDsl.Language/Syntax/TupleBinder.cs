using System.Collections.Immutable;
using GateDsl.Language.Text;

namespace GateDsl.Language.Syntax;

/// <summary><c>(i, f)</c>: the values of a joint distribution, in order.</summary>
public sealed record TupleBinder(ImmutableArray<Identifier> Names, TextSpan Span) : Binder(Span);
