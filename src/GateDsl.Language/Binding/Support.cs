namespace GateDsl.Language.Binding;

/// <summary>
/// The supports type system of GATE: the open set a value is known to lie in. They nest,
/// <see cref="UnitInterval"/> (0,1) &lt;: <see cref="Positive"/> (0,inf) &lt;: <see cref="Real"/>,
/// so a value of a smaller support may stand wherever a larger one is expected.
/// </summary>
public enum Support
{
    /// <summary>The open interval (0, 1): what a gate must be.</summary>
    UnitInterval,

    /// <summary>The open half-line (0, inf): what a Gamma shape must be.</summary>
    Positive,

    /// <summary>Any real number.</summary>
    Real,
}
