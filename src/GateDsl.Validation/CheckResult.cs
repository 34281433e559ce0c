namespace GateDsl.Validation;

/// <summary>A check with its outcome and how long it took.</summary>
/// <param name="Check">The check.</param>
/// <param name="Outcome">What it measured.</param>
/// <param name="Elapsed">Wall time.</param>
public sealed record CheckResult(ValidationCheck Check, CheckOutcome Outcome, TimeSpan Elapsed)
{
    /// <summary>Verdict.</summary>
    public bool Passed => Outcome.Passed;

    /// <inheritdoc/>
    public override string ToString()
        => $"{Check.Distribution} | {Check.Property} | {Format.Short(Outcome.Statistic)} <= {Format.Short(Outcome.Bound)} | {(Passed ? "pass" : "FAIL")} ({Outcome.Detail})";
}
