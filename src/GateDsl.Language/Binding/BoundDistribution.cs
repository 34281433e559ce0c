using System.Collections.Immutable;
using GateDsl.Language.Text;

namespace GateDsl.Language.Binding;

/// <summary>A checked user distribution: its parameters, body and the supports of its value(s).</summary>
public sealed record BoundDistribution : DistributionDefinition
{
    /// <summary>Creates a bound distribution.</summary>
    public BoundDistribution(string name, SourceText source, TextSpan nameSpan, ImmutableArray<DistributionParameter> parameters, ImmutableArray<BoundStatement> body, ImmutableArray<Support> values)
        : base(name, parameters)
    {
        Source = source;
        NameSpan = nameSpan;
        Body = body;
        Values = values;
    }

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
