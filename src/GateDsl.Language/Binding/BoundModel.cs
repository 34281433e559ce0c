using System.Collections.Immutable;

namespace GateDsl.Language.Binding;

/// <summary>Everything the binder checked: every cell and user distribution of every file of the compilation.</summary>
/// <param name="Cells">All bound cells, file by file in source order.</param>
/// <param name="Distributions">All bound user distributions.</param>
public sealed record BoundModel(ImmutableArray<BoundCell> Cells, ImmutableArray<BoundDistribution> Distributions)
{
    /// <summary>A model with nothing in it (what a compilation that crashed internally reports).</summary>
    public static BoundModel Empty { get; } = new(ImmutableArray<BoundCell>.Empty, ImmutableArray<BoundDistribution>.Empty);
}
