namespace GateDsl.Distributions;

/// <summary>How a <see cref="KlResult"/> was obtained.</summary>
public enum KlMethod
{
    /// <summary>A closed form: the exact divergence.</summary>
    Exact,

    /// <summary>
    /// A closed form with a truncated series; accurate, not exact. No built-in rule reports it any more
    /// (Kumaraswamy || Beta is <see cref="Quadrature"/> now); a registered rule may.
    /// </summary>
    TruncatedSeries,

    /// <summary>An exact upper bound (e.g. the KL of the underlying Gammas, by data processing).</summary>
    UpperBound,

    /// <summary>A Monte Carlo estimate (unbiased, with a standard error).</summary>
    MonteCarlo,

    /// <summary>Closed-form terms and a deterministic quadrature of the rest (e.g. Kumaraswamy || Beta); accurate, not exact.</summary>
    Quadrature,
}
