using System.Collections.Immutable;

namespace GateDsl.Language.Binding;

/// <summary>
/// A built-in law with a reparameterized sampler. Bernoulli's values {0, 1} lie in none of the open
/// supports, so a Bernoulli draw is Real: it can switch noise on and off (G2-LSTM) but cannot be a gate.
/// </summary>
public sealed record PrimitiveDistribution : DistributionDefinition
{
    private PrimitiveDistribution(PrimitiveKind kind, Support result, bool hasMode, params DistributionParameter[] parameters)
        : base(kind.ToString(), parameters.ToImmutableArray())
    {
        Kind = kind;
        Result = result;
        HasMode = hasMode;
    }

    /// <summary>Which primitive this is: what backends switch on.</summary>
    public PrimitiveKind Kind { get; }

    /// <summary>The support of a draw (for Uniform, when called with arguments).</summary>
    public Support Result { get; }

    /// <summary>Whether the law has a mode, so `evaluate mode` can replace a draw by it (Uniform has none).</summary>
    public bool HasMode { get; }

    /// <summary>Gamma(shape, rate = 1), Positive; mode max(shape - 1, 0)/rate.</summary>
    public static PrimitiveDistribution Gamma { get; } = new(
        PrimitiveKind.Gamma, Support.Positive, true,
        new DistributionParameter("shape", Support.Positive, null, "the Gamma shape"),
        new DistributionParameter("rate", Support.Positive, 1, "the Gamma rate"));

    /// <summary>Uniform(low = 0, high = 1): in (0,1) when called as Uniform(), Real otherwise; no mode.</summary>
    public static PrimitiveDistribution Uniform { get; } = new(
        PrimitiveKind.Uniform, Support.Real, false,
        new DistributionParameter("low", Support.Real, 0, "the Uniform lower bound"),
        new DistributionParameter("high", Support.Real, 1, "the Uniform upper bound"));

    /// <summary>Normal(mean = 0, sd = 1), Real; mode the mean.</summary>
    public static PrimitiveDistribution Normal { get; } = new(
        PrimitiveKind.Normal, Support.Real, true,
        new DistributionParameter("mean", Support.Real, 0, "the Normal mean"),
        new DistributionParameter("sd", Support.Positive, 1, "the Normal standard deviation"));

    /// <summary>Logistic(loc = 0, scale = 1), Real; mode the location.</summary>
    public static PrimitiveDistribution Logistic { get; } = new(
        PrimitiveKind.Logistic, Support.Real, true,
        new DistributionParameter("loc", Support.Real, 0, "the Logistic location"),
        new DistributionParameter("scale", Support.Positive, 1, "the Logistic scale"));

    /// <summary>Bernoulli(p): values 0 or 1, typed Real (see the class remarks); mode defined.</summary>
    public static PrimitiveDistribution Bernoulli { get; } = new(
        PrimitiveKind.Bernoulli, Support.Real, true,
        new DistributionParameter("p", Support.UnitInterval, null, "the Bernoulli probability"));

    /// <summary>Every primitive, by name.</summary>
    public static IReadOnlyDictionary<string, PrimitiveDistribution> All { get; } =
        new[] { Gamma, Uniform, Normal, Logistic, Bernoulli }.ToDictionary(p => p.Name, StringComparer.Ordinal);

    /// <inheritdoc />
    public override ImmutableArray<Support> ValueSupports(int argumentCount) =>
        ImmutableArray.Create(ReferenceEquals(this, Uniform) && argumentCount == 0 ? Support.UnitInterval : Result);

    /// <inheritdoc />
    public override string ToString() => Name;
}
