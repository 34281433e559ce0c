using GateDsl.Distributions;
using GateDsl.Reference;

namespace GateDsl.Validation;

/// <summary>
/// Every toolkit distribution with its reference twin, by the name the GATE language uses. The
/// parameter order is the constructor order of both the sampler and the reference, and the defaults
/// are the stdlib's (Gamma's rate = 1; Uniform(0, 1); Normal(0, 1); Logistic(0, 1)). References
/// whose values come from quadrature or special functions are validated for parameters up to
/// <see cref="ReferenceBound"/> in magnitude (the whole-range property suite's range); Logistic,
/// Uniform and Normal have closed forms at every finite value.
/// </summary>
public static class DistributionCatalogue
{
    /// <summary>Largest parameter magnitude at which the quadrature and special-function references are validated.</summary>
    public const double ReferenceBound = 1e8;

    /// <summary>
    /// The smallest shape at which the joint laws' reference correlations hold: below it their quadrature
    /// over the shared Gamma misses the mass near 0 (at equal shapes s, the Olkin-Liu correlation falls from
    /// 0.339 at s = 0.01 to 0.167 at 1e-3 and 7e-298 at 1e-300, where the true value tends to 1/3; the
    /// 5-Gamma correlation is NaN below s = 0.05).
    /// </summary>
    public const double JointReferenceFloor = 0.05;

    /// <summary>All entries, univariate laws first.</summary>
    public static IReadOnlyList<CatalogueEntry> All { get; } =
    [
        new("Gamma", ["shape", "rate"], [null, 1.0], [1.7, 2.0],
            p => new Gamma(p[0], p[1]), p => new GammaReference(p[0], p[1]), null, ReferenceBound),
        new("Beta", ["a", "b"], [null, null], [0.7, 2.5],
            p => new Beta(p[0], p[1]), p => new BetaReference(p[0], p[1]), null, ReferenceBound),
        new("Kumaraswamy", ["a", "b"], [null, null], [2.0, 3.0],
            p => new Kumaraswamy(p[0], p[1]), p => new KumaraswamyReference(p[0], p[1]), null, ReferenceBound),
        new("RelaxedBernoulli", ["temperature", "logits"], [null, null], [0.5, 0.3],
            p => new RelaxedBernoulli(p[0], p[1]), p => new RelaxedBernoulliReference(p[0], p[1]), null, ReferenceBound),
        new("LogitNormal", ["mu", "sigma"], [null, null], [0.2, 0.8],
            p => new LogitNormal(p[0], p[1]), p => new LogitNormalReference(p[0], p[1]), null, ReferenceBound),
        new("Logistic", ["loc", "scale"], [0.0, 1.0], [0.5, 1.5],
            p => new Logistic(p[0], p[1]), p => new LogisticReference(p[0], p[1]), null),
        new("Uniform", ["low", "high"], [0.0, 1.0], [-1.0, 2.0],
            p => new Uniform(p[0], p[1]), p => new UniformReference(p[0], p[1]), null),
        new("Normal", ["mu", "sigma"], [0.0, 1.0], [0.5, 1.5],
            p => new Normal(p[0], p[1]), p => new NormalReference(p[0], p[1]), null),
        new("BivariateBeta", ["a", "b", "c"], [null, null, null], [2.0, 3.0, 1.5],
            p => new BivariateBeta(p[0], p[1], p[2]), null, p => new BivariateBetaReference(p[0], p[1], p[2]), ReferenceBound, JointReferenceFloor),
        new("BivariateBeta5", ["a1", "a2", "a3", "a4", "a5"], [null, null, null, null, null], [0.9, 1.3, 0.6, 0.8, 1.1],
            p => new BivariateBeta5(p[0], p[1], p[2], p[3], p[4]), null,
            p => new BivariateBeta5Reference(p[0], p[1], p[2], p[3], p[4]), ReferenceBound, JointReferenceFloor),
    ];

    /// <summary>The entry called <paramref name="name"/> (exact spelling), or null.</summary>
    public static CatalogueEntry? Find(string name) => All.FirstOrDefault(e => e.Name == name);

    /// <summary>The entry called <paramref name="name"/>; throws with the list of known names otherwise.</summary>
    public static CatalogueEntry Get(string name)
        => Find(name) ?? throw new ArgumentException(UnknownMessage(name), nameof(name));

    /// <summary>"unknown distribution `X`; known: ..." with a case-insensitive suggestion when there is one.</summary>
    public static string UnknownMessage(string name)
    {
        var hint = All.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));
        var known = string.Join(", ", All.Select(e => e.Name));
        return hint is not null
            ? $"unknown distribution `{name}`; did you mean `{hint.Name}`?"
            : $"unknown distribution `{name}`; known: {known}.";
    }
}
