using System.Collections.Immutable;
using GateDsl.Language.Text;

namespace GateDsl.Language.Binding;

/// <summary>A checked user distribution: its parameters, body and the supports of its value(s).</summary>
public sealed record BoundDistribution : DistributionDefinition
{
    /// <summary>Creates a bound distribution.</summary>
    public BoundDistribution(string name, SourceText source, TextSpan nameSpan, ImmutableArray<DistributionParameter> parameters, ImmutableArray<ParameterSymbol> parameterSymbols, ImmutableArray<BoundStatement> body, ImmutableArray<Support> values)
        : base(name, parameters)
    {
        ParameterSymbols = parameterSymbols;
        Source = source;
        NameSpan = nameSpan;
        Body = body;
        Values = values;
    }

    /// <summary>
    /// The symbols the body's names refer to, one per entry of
    /// <see cref="DistributionDefinition.Parameters"/> and in the same order, so an inliner maps
    /// each to its argument by reference. Shorter only when a parameter declaration was broken
    /// (a reported error).
    /// </summary>
    public ImmutableArray<ParameterSymbol> ParameterSymbols { get; }

    /// <summary>The file that declares it.</summary>
    public SourceText Source { get; }

    /// <summary>Where its name is written.</summary>
    public TextSpan NameSpan { get; }

    /// <summary>The checked body.</summary>
    public ImmutableArray<BoundStatement> Body { get; }

    /// <summary>The supports of its value(s): one for a scalar law, several for a joint one.</summary>
    public ImmutableArray<Support> Values { get; }

    /// <inheritdoc />
    public override ImmutableArray<Support> ValueSupports(int argumentCount) => Values;

    /// <inheritdoc />
    public override string ToString() => Name;
}
