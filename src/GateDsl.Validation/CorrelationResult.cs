using GateDsl.Reference;

namespace GateDsl.Validation;

/// <summary>The sample correlation of a pair against its reference value, with its CLT bound.</summary>
/// <param name="Sample">Pearson correlation of the draws.</param>
/// <param name="Reference">The reference correlation (quadrature).</param>
/// <param name="StandardError">Delta-method standard error of the sample correlation.</param>
/// <param name="Test">The test |sample - reference| &lt;= z(alpha/2) standard errors.</param>
public sealed record CorrelationResult(double Sample, double Reference, double StandardError, StatisticalTestResult Test)
{
    /// <summary>The half-width of the acceptance interval around the reference (z standard errors).</summary>
    public double Bound => Test.Threshold;
}
