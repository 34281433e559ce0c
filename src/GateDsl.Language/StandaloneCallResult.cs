using System.Collections.Immutable;
using GateDsl.Language.Binding;
using GateDsl.Language.Syntax;
using GateDsl.Language.Text;

namespace GateDsl.Language;

/// <summary>What the front end made of one distribution call written on its own.</summary>
/// <param name="Source">The expression, with path <see cref="ExpressionPath"/>.</param>
/// <param name="SyntaxTrees">The expression's tree, then the standard library and import files.</param>
/// <param name="Model">The bound model of the standard library and the import files.</param>
/// <param name="StandardSources">The embedded standard-library files among them.</param>
/// <param name="Call">The bound call; null when there are errors.</param>
/// <param name="Arguments">One folded value per parameter, defaults filled in; empty when there are errors.</param>
/// <param name="IsStandardLibrary">Whether the callee is a primitive or a standard-library distribution.</param>
internal sealed record StandaloneCallResult(
    SourceText Source,
    IReadOnlyList<SyntaxTree> SyntaxTrees,
    BoundModel Model,
    ImmutableHashSet<SourceText> StandardSources,
    BoundDistributionCall? Call,
    ImmutableArray<double> Arguments,
    bool IsStandardLibrary)
{
    /// <summary>The path diagnostics about the expression itself print.</summary>
    public const string ExpressionPath = "<expr>";

    /// <summary>The standard-library file every call sees without an import.</summary>
    public const string StandardLibraryFile = "distributions.gate";

    /// <summary>A call with errors: nothing may be sampled.</summary>
    public static StandaloneCallResult Failed(SourceText source, IReadOnlyList<SyntaxTree> trees, BoundModel model) =>
        new(source, trees, model, ImmutableHashSet<SourceText>.Empty, null, ImmutableArray<double>.Empty, false);
}
