using GateDsl.Reference;
using LanguageSupport = GateDsl.Language.Binding.Support;
using ToolkitSupport = GateDsl.Distributions.Support;

namespace GateDsl.Validation;

/// <summary>
/// The one mapping between the three support enums. They cannot be one type: the language's
/// <see cref="LanguageSupport"/> orders its members by nesting (UnitInterval &lt;: Positive &lt;: Real, the
/// binder compares them as numbers) and must not depend on TorchSharp; the toolkit's
/// <see cref="ToolkitSupport"/> lives in GateDsl.Distributions, which does not reference the language; the
/// reference's <see cref="SupportKind"/> (GateDsl.Reference, MathNet only) has a fourth member,
/// <see cref="SupportKind.Interval"/>, that picks quadrature for Uniform(low, high). This project sees all
/// three, and pairs a toolkit law with its reference twin and its standard-library declaration
/// (<see cref="DistributionCatalogue"/>), so the mapping lives here. Every switch throws on a member it
/// does not know, so a new member without a mapping fails <c>SupportMapTests</c>.
/// </summary>
public static class SupportMap
{
    /// <summary>The toolkit's name for a language support (the same open set).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A member this mapping does not know.</exception>
    public static ToolkitSupport ToToolkit(LanguageSupport support) => support switch
    {
        LanguageSupport.Real => ToolkitSupport.Real,
        LanguageSupport.Positive => ToolkitSupport.Positive,
        LanguageSupport.UnitInterval => ToolkitSupport.UnitInterval,
        _ => throw Unknown(support),
    };

    /// <summary>The language's name for a toolkit support (the same open set).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A member this mapping does not know.</exception>
    public static LanguageSupport ToLanguage(ToolkitSupport support) => support switch
    {
        ToolkitSupport.Real => LanguageSupport.Real,
        ToolkitSupport.Positive => LanguageSupport.Positive,
        ToolkitSupport.UnitInterval => LanguageSupport.UnitInterval,
        _ => throw Unknown(support),
    };

    /// <summary>
    /// The toolkit support of a reference law's support: the same set, or for
    /// <see cref="SupportKind.Interval"/> (low, high) with arbitrary real ends, <see cref="ToolkitSupport.Real"/>,
    /// the smallest of the three that holds every such interval (Uniform's toolkit support).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A member this mapping does not know.</exception>
    public static ToolkitSupport ToToolkit(SupportKind kind) => kind switch
    {
        SupportKind.Real or SupportKind.Interval => ToolkitSupport.Real,
        SupportKind.Positive => ToolkitSupport.Positive,
        SupportKind.UnitInterval => ToolkitSupport.UnitInterval,
        _ => throw Unknown(kind),
    };

    /// <summary>
    /// The reference support kind for a toolkit support (the same set; an <see cref="SupportKind.Interval"/>
    /// is never the answer, as its ends are not known from the support alone).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A member this mapping does not know.</exception>
    public static SupportKind ToReference(ToolkitSupport support) => support switch
    {
        ToolkitSupport.Real => SupportKind.Real,
        ToolkitSupport.Positive => SupportKind.Positive,
        ToolkitSupport.UnitInterval => SupportKind.UnitInterval,
        _ => throw Unknown(support),
    };

    private static ArgumentOutOfRangeException Unknown<T>(T member)
        where T : struct, Enum
        => new(nameof(member), member, $"{typeof(T).FullName}.{member} has no mapping in {nameof(SupportMap)}; add one for it.");
}
