using GateDsl.Compiler.Ir;
using GateDsl.Distributions;
using static TorchSharp.torch;

namespace GateDsl.Compiler.Backends.TorchSharp;

/// <summary>
/// The GateDsl.Distributions object of a law family, from its parameters as tensors in the
/// family's order: the one map from <see cref="LawFamily"/> to the toolkit's samplers, moments and
/// KL registry. Bernoulli has no toolkit class (null).
/// </summary>
public static class LawDistributions
{
    /// <summary>
    /// The distribution; parameters are not validated (a compiled cell's parameters lie in their
    /// supports by construction; validation would cost a device sync per parameter and step).
    /// </summary>
    /// <param name="family">The family.</param>
    /// <param name="parameters">One tensor per parameter, broadcastable to each other.</param>
    /// <returns>The distribution, or null for Bernoulli.</returns>
    public static IGateDistribution? Create(LawFamily family, IReadOnlyList<Tensor> parameters)
    {
        var p = parameters;
        return family switch
        {
            LawFamily.Gamma => new Gamma(p[0], p[1], validate: false),
            LawFamily.Uniform => new Uniform(p[0], p[1], validate: false),
            LawFamily.Normal => new Normal(p[0], p[1], validate: false),
            LawFamily.Logistic => new Logistic(p[0], p[1], validate: false),
            LawFamily.Bernoulli => null,
            LawFamily.Beta => new Beta(p[0], p[1], validate: false),
            LawFamily.Kumaraswamy => new Kumaraswamy(p[0], p[1], validate: false),
            LawFamily.RelaxedBernoulli => new RelaxedBernoulli(p[0], p[1], validate: false),
            LawFamily.LogitNormal => new LogitNormal(p[0], p[1], validate: false),
            LawFamily.BivariateBeta => new BivariateBeta(p[0], p[1], p[2], validate: false),
            LawFamily.BivariateBeta5 => new BivariateBeta5(p[0], p[1], p[2], p[3], p[4], validate: false),
            _ => throw new ArgumentOutOfRangeException(nameof(family), family, null),
        };
    }

    /// <summary>
    /// How the KL registry computes KL(p || q) for laws of these families: its registered method,
    /// Monte Carlo when none is registered, or null when neither is possible (no toolkit class, or a
    /// joint law, whose KL a prior never needs). Answered once per pair and process: a rule registered
    /// with <see cref="KlDivergence.Register{TP, TQ}"/> after a spec with that pair was compiled is not seen.
    /// </summary>
    public static KlMethod? KlMethodOf(LawFamily posterior, LawFamily prior) =>
        // Once per pair of families and process: the answer depends on the families alone, and
        // compiling a spec then needs no tensor arithmetic (each libtorch call with an implicit
        // TorchSharp Scalar is exposed to that Scalar's finalizer running mid-call).
        KlMethods.GetOrAdd((posterior, prior), pair => AskRegistry(pair.Posterior, pair.Prior));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(LawFamily Posterior, LawFamily Prior), KlMethod?> KlMethods = new();

    private static KlMethod? AskRegistry(LawFamily posterior, LawFamily prior)
    {
        if (IsJoint(posterior) || IsJoint(prior))
        {
            return null;
        }

        using var scope = NewDisposeScope();
        var p = Create(posterior, Typical(posterior));
        var q = Create(prior, Typical(prior));
        if (p is null || q is null)
        {
            return null;
        }

        if (!KlDivergence.HasClosedForm(p, q))
        {
            return KlMethod.MonteCarlo;
        }

        using var noGrad = no_grad();
        return KlDivergence.Compute(p, q).Method;
    }

    private static bool IsJoint(LawFamily family) => family is LawFamily.BivariateBeta or LawFamily.BivariateBeta5;

    // Parameters inside every family's support (Uniform needs low < high), for asking the registry.
    private static Tensor[] Typical(LawFamily family) =>
        family == LawFamily.Uniform
            ? [tensor(0.0, ScalarType.Float64), tensor(1.0, ScalarType.Float64)]
            : Enumerable.Range(0, 5).Select(_ => tensor(1.0, ScalarType.Float64)).ToArray();
}
