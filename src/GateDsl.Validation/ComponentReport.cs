using GateDsl.Reference;

namespace GateDsl.Validation;

/// <summary>Sample statistics of one component next to its reference values.</summary>
/// <param name="Name">Component label (<c>x</c> or <c>y</c>).</param>
/// <param name="Mean">Sample mean.</param>
/// <param name="Variance">Unbiased sample variance.</param>
/// <param name="ReferenceMean">Reference mean.</param>
/// <param name="ReferenceVariance">Reference variance.</param>
/// <param name="QuantileLevels">Levels of <paramref name="Quantiles"/> (1, 5, 25, 50, 75, 95, 99%).</param>
/// <param name="Quantiles">Sample quantiles.</param>
/// <param name="ReferenceQuantiles">Reference quantiles at the same levels.</param>
/// <param name="Ks">One-sample KS test against the reference marginal CDF.</param>
public sealed record ComponentReport(
    string Name,
    double Mean,
    double Variance,
    double ReferenceMean,
    double ReferenceVariance,
    IReadOnlyList<double> QuantileLevels,
    IReadOnlyList<double> Quantiles,
    IReadOnlyList<double> ReferenceQuantiles,
    StatisticalTestResult Ks);
