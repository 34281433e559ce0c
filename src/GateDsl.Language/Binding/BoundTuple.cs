using System.Collections.Immutable;
using GateDsl.Language.Text;

namespace GateDsl.Language.Binding;

/// <summary>The tuple value of a joint distribution. Its own support is meaningless; each element has one.</summary>
public sealed record BoundTuple(ImmutableArray<BoundExpr> Elements, TextSpan Span) : BoundExpr(Support.Real, Span);
