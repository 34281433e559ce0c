namespace GateDsl.Reference;

/// <summary>The support of a univariate reference law; it picks the change of variables quadrature uses.</summary>
public enum SupportKind
{
    /// <summary>The whole real line.</summary>
    Real,

    /// <summary>The open half-line (0, +infinity); quadrature works in log space.</summary>
    Positive,

    /// <summary>The open unit interval (0, 1); quadrature works in logit space.</summary>
    UnitInterval,

    /// <summary>A bounded interval (low, high); quadrature works in the logit of the rescaled value.</summary>
    Interval,
}
