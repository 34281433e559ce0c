using GateDsl.Reference;

namespace GateDsl.Validation;

/// <summary>
/// Sample statistics of one component next to its reference values. The reference fields are null
/// for a law without a reference twin (a user distribution from an import file, or Bernoulli).
/// </summary>
/// <param name="Name">Component label (<c>x</c>, <c>y</c>, or <c>x1</c>..<c>xk</c> for larger tuples).</param>
/// <param name="Mean">Sample mean.</param>
/// <param name="Variance">Unbiased sample variance.</param>
/// <param name="ReferenceMean">Reference mean; null without a reference.</param>
/// <param name="ReferenceVariance">Reference variance; null without a reference.</param>
/// <param name="QuantileLevels">Levels of <paramref name="Quantiles"/> (1, 5, 25, 50, 75, 95, 99%).</param>
/// <param name="Quantiles">Sample quantiles.</param>
/// <param name="ReferenceQuantiles">Reference quantiles at the same levels; null without a reference.</param>
/// <param name="Ks">One-sample KS test against the reference marginal CDF; null without a reference.</param>
public sealed record ComponentReport(
    string Name,
    double Mean,
    double Variance,
    double? ReferenceMean,
    double? ReferenceVariance,
    IReadOnlyList<double> QuantileLevels,
    IReadOnlyList<double> Quantiles,
    IReadOnlyList<double>? ReferenceQuantiles,
    StatisticalTestResult? Ks);
