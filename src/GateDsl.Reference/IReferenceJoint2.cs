namespace GateDsl.Reference;

/// <summary>
/// A law of a pair (X, Y) in double precision: exact marginals and the mixed moment that carries
/// the dependence. Laws whose joint CDF is also available implement <see cref="IReferenceJointCdf2"/>.
/// </summary>
public interface IReferenceJoint2
{
    /// <summary>Short name, e.g. <c>BivariateBeta</c>.</summary>
    string Name { get; }

    /// <summary>Parameter names in the order of <see cref="Parameters"/>.</summary>
    IReadOnlyList<string> ParameterNames { get; }

    /// <summary>Parameter values in the order of <see cref="ParameterNames"/>.</summary>
    IReadOnlyList<double> Parameters { get; }

    /// <summary>The exact law of X.</summary>
    IReferenceDistribution MarginalX { get; }

    /// <summary>The exact law of Y.</summary>
    IReferenceDistribution MarginalY { get; }

    /// <summary>E[XY] (computed once, then cached).</summary>
    double MeanXY { get; }

    /// <summary>Cov(X, Y) = E[XY] - E[X] E[Y].</summary>
    double Covariance { get; }

    /// <summary>Pearson correlation of X and Y; NaN where the law cannot compute it to 1e-4 (see the implementation).</summary>
    double Correlation { get; }

    /// <summary>The same family with other parameter values (same order as <see cref="Parameters"/>).</summary>
    IReferenceJoint2 WithParameters(IReadOnlyList<double> parameters);
}
