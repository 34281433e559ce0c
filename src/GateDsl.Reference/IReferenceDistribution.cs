namespace GateDsl.Reference;

/// <summary>
/// A univariate law evaluated in double precision, independent of any sampler: the twin a sampler
/// is tested against. Every member is deterministic and thread-safe.
/// </summary>
public interface IReferenceDistribution
{
    /// <summary>Short name, e.g. <c>Gamma</c>.</summary>
    string Name { get; }

    /// <summary>Parameter names in the order of <see cref="Parameters"/>.</summary>
    IReadOnlyList<string> ParameterNames { get; }

    /// <summary>Parameter values in the order of <see cref="ParameterNames"/>.</summary>
    IReadOnlyList<double> Parameters { get; }

    /// <summary>The support kind; <see cref="SupportLower"/> and <see cref="SupportUpper"/> give its ends.</summary>
    SupportKind Support { get; }

    /// <summary>Lower end of the support (may be negative infinity).</summary>
    double SupportLower { get; }

    /// <summary>Upper end of the support (may be positive infinity).</summary>
    double SupportUpper { get; }

    /// <summary>Density at <paramref name="x"/>; 0 outside the support.</summary>
    double Pdf(double x);

    /// <summary>Log density at <paramref name="x"/>; negative infinity outside the support.</summary>
    double LogPdf(double x);

    /// <summary>Cumulative distribution function P(X &lt;= x); 0 below and 1 above the support.</summary>
    double Cdf(double x);

    /// <summary>Quantile (inverse CDF) for <paramref name="p"/> in (0, 1).</summary>
    double Quantile(double p);

    /// <summary>E[X].</summary>
    double Mean { get; }

    /// <summary>Var[X].</summary>
    double Variance { get; }

    /// <summary>The same family with other parameter values (same order as <see cref="Parameters"/>).</summary>
    IReferenceDistribution WithParameters(IReadOnlyList<double> parameters);
}
