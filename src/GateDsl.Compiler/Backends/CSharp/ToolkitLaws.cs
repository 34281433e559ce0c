using GateDsl.Compiler.Ir;
using GateDsl.Language.Binding;

namespace GateDsl.Compiler.Backends.CSharp;

/// <summary>
/// The GateDsl.Distributions class the emitted code constructs for a law: the same map as
/// <see cref="TorchSharp.LawDistributions"/> and <see cref="TorchSharp.PrimitiveSamplers"/>, written as
/// source text instead of objects.
/// </summary>
internal static class ToolkitLaws
{
    /// <summary>The class of a law family, or null for Bernoulli (the toolkit has none).</summary>
    public static string? ClassOf(LawFamily family) => family switch
    {
        LawFamily.Gamma => "Gamma",
        LawFamily.Uniform => "Uniform",
        LawFamily.Normal => "Normal",
        LawFamily.Logistic => "Logistic",
        LawFamily.Bernoulli => null,
        LawFamily.Beta => "Beta",
        LawFamily.Kumaraswamy => "Kumaraswamy",
        LawFamily.RelaxedBernoulli => "RelaxedBernoulli",
        LawFamily.LogitNormal => "LogitNormal",
        LawFamily.BivariateBeta => "BivariateBeta",
        LawFamily.BivariateBeta5 => "BivariateBeta5",
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, null),
    };

    /// <summary>The sampler class of a primitive law, or null for Bernoulli (a comparison with a uniform draw).</summary>
    public static string? SamplerOf(PrimitiveKind law) => law switch
    {
        PrimitiveKind.Gamma => "Gamma",
        PrimitiveKind.Uniform => "Uniform",
        PrimitiveKind.Normal => "Normal",
        PrimitiveKind.Logistic => "Logistic",
        PrimitiveKind.Bernoulli => null,
        _ => throw new ArgumentOutOfRangeException(nameof(law), law, null),
    };
}
