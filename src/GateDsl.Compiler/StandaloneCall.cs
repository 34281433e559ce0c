using System.Collections.Immutable;
using GateDsl.Language.Binding;
using GateDsl.Language.Text;

namespace GateDsl.Compiler;

/// <summary>A distribution call written on its own, bound and with its arguments folded (<see cref="Compilation.ForCall"/>).</summary>
/// <param name="Source">The expression as given, with path <see cref="ExpressionPath"/>.</param>
/// <param name="Bound">The bound call.</param>
/// <param name="Arguments">One folded value per parameter of the callee, in order, defaults filled in (<c>Gamma(2)</c> gives [2, 1]).</param>
/// <param name="IsStandardLibrary">
/// Whether the callee is a primitive or defined in the embedded standard library, so that the
/// distribution of the same name in GateDsl.Distributions (and its reference) describes it; false
/// for a distribution from an import file, even one named like a standard one.
/// </param>
public sealed record StandaloneCall(SourceText Source, BoundDistributionCall Bound, ImmutableArray<double> Arguments, bool IsStandardLibrary)
{
    /// <summary>The path diagnostics about the expression itself print.</summary>
    public const string ExpressionPath = Language.StandaloneCallResult.ExpressionPath;

    /// <summary>The callee: a <see cref="PrimitiveDistribution"/> or a <see cref="BoundDistribution"/>.</summary>
    public DistributionDefinition Distribution => Bound.Distribution!;

    /// <summary>How many values one draw has: 1, or the arity of a joint law's tuple.</summary>
    public int ValueCount => Bound.ValueSupports.Length;

    /// <summary>The support of each value (a joint law has one per component).</summary>
    public ImmutableArray<Support> ValueSupports => Bound.ValueSupports;
}
