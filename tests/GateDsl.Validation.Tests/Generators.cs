using FsCheck;
using FsCheck.Fluent;
using TorchSharp;

namespace GateDsl.Validation.Tests;

/// <summary>
/// Parameter generators. Shapes come from three regimes, each log-uniform: small (1e-2..1e-1),
/// moderate (0.3..20) and large (1e2..1e3), so every property sees the numerically hard ends.
/// </summary>
public static class Generators
{
    public static Gen<double> LogUniform(double lo, double hi) =>
        Gen.Choose(0, 1_000_000).Select(i => Math.Exp(Math.Log(lo) + (Math.Log(hi) - Math.Log(lo)) * i / 1e6));

    public static Gen<double> Uniform(double lo, double hi) =>
        Gen.Choose(0, 1_000_000).Select(i => lo + (hi - lo) * i / 1e6);

    /// <summary>A shape from one of the three regimes.</summary>
    public static Gen<double> Shape { get; } = Gen.OneOf(LogUniform(1e-2, 1e-1), LogUniform(0.3, 20), LogUniform(1e2, 1e3));

    /// <summary>A shape from the moderate regime only.</summary>
    public static Gen<double> ModerateShape { get; } = LogUniform(0.3, 20);

    private static Gen<double[]> Params(params Gen<double>[] gens) =>
        gens.Aggregate(Gen.Constant(Array.Empty<double>()), (acc, g) => acc.SelectMany(a => g.Select(v => a.Append(v).ToArray())));

    /// <summary>Parameters of every univariate catalogue law, in its valid range.</summary>
    public static Gen<LawCase> Univariate { get; } = Gen.OneOf(
        Params(Shape, LogUniform(0.5, 3)).Select(p => new LawCase("Gamma", p, torch.ScalarType.Float64)),
        Params(Shape, Shape).Select(p => new LawCase("Beta", p, torch.ScalarType.Float64)),
        Params(LogUniform(0.2, 20), LogUniform(0.2, 20)).Select(p => new LawCase("Kumaraswamy", p, torch.ScalarType.Float64)),
        Params(LogUniform(0.1, 5), Uniform(-3, 3)).Select(p => new LawCase("RelaxedBernoulli", p, torch.ScalarType.Float64)),
        Params(Uniform(-3, 3), LogUniform(0.1, 3)).Select(p => new LawCase("LogitNormal", p, torch.ScalarType.Float64)),
        Params(Uniform(-5, 5), LogUniform(0.1, 5)).Select(p => new LawCase("Logistic", p, torch.ScalarType.Float64)),
        Params(Uniform(-5, 5), LogUniform(0.1, 10)).Select(p => new LawCase("Uniform", [p[0], p[0] + p[1]], torch.ScalarType.Float64)),
        Params(Uniform(-5, 5), LogUniform(0.1, 5)).Select(p => new LawCase("Normal", p, torch.ScalarType.Float64)));

    /// <summary>Olkin-Liu parameters from all regimes.</summary>
    public static Gen<LawCase> OlkinLiu { get; } = Params(Shape, Shape, Shape).Select(p => new LawCase("BivariateBeta", p, torch.ScalarType.Float64));

    /// <summary>5G parameters from all regimes.</summary>
    public static Gen<LawCase> FiveGamma { get; } =
        Params(Shape, Shape, Shape, Shape, Shape).Select(p => new LawCase("BivariateBeta5", p, torch.ScalarType.Float64));

    public static Arbitrary<LawCase> UnivariateArb() => Arb.From(Univariate);
}
