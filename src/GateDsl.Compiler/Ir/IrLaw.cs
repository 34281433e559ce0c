using System.Collections.Immutable;

namespace GateDsl.Compiler.Ir;

/// <summary>A law with its parameters as instruction indices of the program it belongs to.</summary>
/// <param name="Family">The family.</param>
/// <param name="Parameters">One instruction index per parameter, in the family's order.</param>
public sealed record IrLaw(LawFamily Family, EquatableArray<int> Parameters)
{
    /// <summary>Whether the law is of a pair of values (its draws are tuples).</summary>
    public bool IsJoint => Family is LawFamily.BivariateBeta or LawFamily.BivariateBeta5;

    /// <summary>The same law reading <paramref name="map"/>[k] wherever it read k.</summary>
    public IrLaw Remap(Func<int, int> map) => this with { Parameters = Parameters.Items.Select(map).ToImmutableArray() };
}
