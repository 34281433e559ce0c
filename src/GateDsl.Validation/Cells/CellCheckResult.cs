namespace GateDsl.Validation.Cells;

/// <summary>One check of a compiled cell's gates against an inferred law, at one head setting.</summary>
/// <param name="Setting">The head setting (small, medium, large).</param>
/// <param name="Subject">The gate (<c>i</c>) or pair (<c>(i, f)</c>) checked.</param>
/// <param name="Law">The inferred law with its parameters at this setting, e.g. <c>Beta(a = 0.41, b = 0.52)</c>.</param>
/// <param name="Property">What is checked: <c>law (KS)</c>, <c>correlation (CLT)</c>, <c>evaluation step = exact mean</c>.</param>
/// <param name="FalseFailureProbability">Probability that a correct compiler fails it (0 for a deterministic comparison).</param>
/// <param name="Outcome">Statistic, bound, verdict and detail.</param>
/// <param name="Elapsed">Wall time of the check (its share of drawing included).</param>
public sealed record CellCheckResult(string Setting, string Subject, string Law, string Property, double FalseFailureProbability, CheckOutcome Outcome, TimeSpan Elapsed)
{
    /// <summary>Verdict.</summary>
    public bool Passed => Outcome.Passed;

    /// <summary>True for checks with a positive false-failure probability.</summary>
    public bool IsStatistical => FalseFailureProbability > 0;

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Setting} | {Subject} ~ {Law} | {Property} | {Format.Short(Outcome.Statistic)} <= {Format.Short(Outcome.Bound)} | {(Passed ? "pass" : "FAIL")} ({Outcome.Detail})";
}
