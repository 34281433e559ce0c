using System.Collections.Immutable;
using GateDsl.Compiler.Ir;
using GateDsl.Language.Binding;
using GateDsl.Language.Text;

namespace GateDsl.Compiler.Lowering;

/// <summary>
/// The registered laws: a distribution declared in the embedded standard library is the law of
/// GateDsl.Distributions of the same name, with the same parameters in the same order. Recognised
/// by declaration (the defining file is the embedded stdlib), never by name alone: a user's own
/// <c>distribution Kumaraswamy(...)</c> is inlined and analysed like any other.
/// </summary>
internal static class StandardLaws
{
    private static readonly ImmutableDictionary<string, (LawFamily Family, int Arity)> ByName =
        new Dictionary<string, (LawFamily, int)>
        {
            ["Beta"] = (LawFamily.Beta, 2),
            ["Kumaraswamy"] = (LawFamily.Kumaraswamy, 2),
            ["RelaxedBernoulli"] = (LawFamily.RelaxedBernoulli, 2),
            ["LogitNormal"] = (LawFamily.LogitNormal, 2),
            ["BivariateBeta"] = (LawFamily.BivariateBeta, 3),
            ["BivariateBeta5"] = (LawFamily.BivariateBeta5, 5),
        }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>The registered family of <paramref name="distribution"/>, if it is a standard-library declaration.</summary>
    public static LawFamily? Of(BoundDistribution distribution, ImmutableHashSet<SourceText> standardSources) =>
        standardSources.Contains(distribution.Source)
        && ByName.TryGetValue(distribution.Name, out var entry)
        && entry.Arity == distribution.Parameters.Length
            ? entry.Family
            : null;

    /// <summary>The law family of a primitive.</summary>
    public static LawFamily Of(PrimitiveKind kind) => kind switch
    {
        PrimitiveKind.Gamma => LawFamily.Gamma,
        PrimitiveKind.Uniform => LawFamily.Uniform,
        PrimitiveKind.Normal => LawFamily.Normal,
        PrimitiveKind.Logistic => LawFamily.Logistic,
        PrimitiveKind.Bernoulli => LawFamily.Bernoulli,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
