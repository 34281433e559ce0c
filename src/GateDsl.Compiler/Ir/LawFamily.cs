namespace GateDsl.Compiler.Ir;

/// <summary>
/// The laws the compiler knows by name: the primitives, the standard library's distributions
/// (registered by declaration) and the laws inferred from Gamma ratios. Each maps to a class of
/// GateDsl.Distributions with the same parameters in the same order.
/// </summary>
public enum LawFamily
{
    /// <summary>Gamma(shape, rate).</summary>
    Gamma,

    /// <summary>Uniform(low, high).</summary>
    Uniform,

    /// <summary>Normal(mean, sd).</summary>
    Normal,

    /// <summary>Logistic(loc, scale).</summary>
    Logistic,

    /// <summary>Bernoulli(p).</summary>
    Bernoulli,

    /// <summary>Beta(a, b).</summary>
    Beta,

    /// <summary>Kumaraswamy(a, b).</summary>
    Kumaraswamy,

    /// <summary>RelaxedBernoulli(temperature, logits).</summary>
    RelaxedBernoulli,

    /// <summary>LogitNormal(mu, sigma).</summary>
    LogitNormal,

    /// <summary>The Olkin-Liu pair BivariateBeta(a, b, c): X ~ Beta(a, c), Y ~ Beta(b, c).</summary>
    BivariateBeta,

    /// <summary>The five-Gamma pair BivariateBeta5(a1..a5): X ~ Beta(a1+a3, a4+a5), Y ~ Beta(a2+a4, a3+a5).</summary>
    BivariateBeta5,
}
