namespace GateDsl.Language.Binding;

/// <summary>The built-in laws with reparameterized samplers (<see cref="PrimitiveDistribution"/> has their parameters).</summary>
public enum PrimitiveKind
{
    /// <summary>Gamma(shape, rate = 1).</summary>
    Gamma,

    /// <summary>Uniform(low = 0, high = 1).</summary>
    Uniform,

    /// <summary>Normal(mean = 0, sd = 1).</summary>
    Normal,

    /// <summary>Logistic(loc = 0, scale = 1).</summary>
    Logistic,

    /// <summary>Bernoulli(p): 0 or 1, no pathwise gradient.</summary>
    Bernoulli,
}
