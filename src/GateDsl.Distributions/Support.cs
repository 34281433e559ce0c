namespace GateDsl.Distributions;

/// <summary>The set a distribution's values live in (the GateDsl type system uses the same three).</summary>
public enum Support
{
    /// <summary>The real line.</summary>
    Real,

    /// <summary>The open half-line (0, inf).</summary>
    Positive,

    /// <summary>The open interval (0, 1); for a joint distribution, each component.</summary>
    UnitInterval,
}
