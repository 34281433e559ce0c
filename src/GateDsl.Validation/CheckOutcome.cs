namespace GateDsl.Validation;

/// <summary>What one check measured: a statistic, the bound it must stay within, the verdict, and a note.</summary>
/// <param name="Statistic">The measured statistic (larger means further from the reference).</param>
/// <param name="Bound">The largest passing value.</param>
/// <param name="Passed">Verdict.</param>
/// <param name="Detail">Short explanation (test name, n, p-value, ...).</param>
public sealed record CheckOutcome(double Statistic, double Bound, bool Passed, string Detail)
{
    /// <summary>From a statistical test result of the reference library.</summary>
    public static CheckOutcome From(GateDsl.Reference.StatisticalTestResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var p = r.PValue is { } v ? $", p = {Format.Probability(v)}" : string.Empty;
        return new CheckOutcome(r.Statistic, r.Threshold, r.Passed, $"{r.Test}, n = {r.SampleSize}{p}");
    }

    /// <summary>A deterministic comparison: passes when <paramref name="error"/> &lt;= <paramref name="tolerance"/>.</summary>
    public static CheckOutcome Deterministic(string what, double error, double tolerance)
        => new(error, tolerance, error <= tolerance, what);
}
