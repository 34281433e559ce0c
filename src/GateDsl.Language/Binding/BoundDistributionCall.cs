using System.Collections.Immutable;
using GateDsl.Language.Text;

namespace GateDsl.Language.Binding;

/// <summary><c>Dist(args)</c> after <c>~</c>. <paramref name="Distribution"/> is null when the name did not resolve.</summary>
/// <param name="Name">The distribution's name as written.</param>
/// <param name="Distribution">What it resolved to: a <see cref="PrimitiveDistribution"/> or a <see cref="BoundDistribution"/>.</param>
/// <param name="Arguments">The checked arguments as written (for printing the call as the user wrote it).</param>
/// <param name="ArgumentsWithDefaults">
/// One argument per parameter of <paramref name="Distribution"/>: the written ones, then each
/// remaining parameter's default as a <see cref="BoundNumber"/> with an empty span at the end of
/// the call (<c>Gamma(a)</c> gives [a, 1]). Equal to <paramref name="Arguments"/> when the call
/// did not resolve or has the wrong number of arguments (both reported).
/// </param>
/// <param name="ValueSupports">The supports of the values the call returns.</param>
/// <param name="Span">Where the call is written.</param>
public sealed record BoundDistributionCall(
    string Name,
    DistributionDefinition? Distribution,
    ImmutableArray<BoundExpr> Arguments,
    ImmutableArray<BoundExpr> ArgumentsWithDefaults,
    ImmutableArray<Support> ValueSupports,
    TextSpan Span);
