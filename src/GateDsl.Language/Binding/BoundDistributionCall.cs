using System.Collections.Immutable;
using GateDsl.Language.Text;

namespace GateDsl.Language.Binding;

/// <summary><c>Dist(args)</c> after <c>~</c>. <paramref name="Distribution"/> is null when the name did not resolve.</summary>
/// <param name="Name">The distribution's name as written.</param>
/// <param name="Distribution">What it resolved to: a <see cref="PrimitiveDistribution"/> or a <see cref="BoundDistribution"/>.</param>
/// <param name="Arguments">The checked arguments (defaults are not filled in).</param>
/// <param name="ValueSupports">The supports of the values the call returns.</param>
/// <param name="Span">Where the call is written.</param>
public sealed record BoundDistributionCall(string Name, DistributionDefinition? Distribution, ImmutableArray<BoundExpr> Arguments, ImmutableArray<Support> ValueSupports, TextSpan Span);
