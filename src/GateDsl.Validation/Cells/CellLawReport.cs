namespace GateDsl.Validation.Cells;

/// <summary>What <see cref="CellLawValidation"/> found for one cell.</summary>
/// <param name="Cell">The cell's name.</param>
/// <param name="SampleSize">Draws of each gate per head setting.</param>
/// <param name="FalseFailureBudget">The total false-failure probability split over the statistical checks.</param>
/// <param name="PerCheckFalseFailureProbability">The budget over the number of statistical checks (0 when there are none).</param>
/// <param name="Settings">The head settings, in run order.</param>
/// <param name="Results">Every check, in run order.</param>
/// <param name="Unchecked">Stochastic gates without a law to hold them against.</param>
public sealed record CellLawReport(
    string Cell,
    int SampleSize,
    double FalseFailureBudget,
    double PerCheckFalseFailureProbability,
    IReadOnlyList<HeadSetting> Settings,
    IReadOnlyList<CellCheckResult> Results,
    IReadOnlyList<UncheckedGate> Unchecked)
{
    /// <summary>Whether any check ran: false for a cell without a stochastic gate of known law.</summary>
    public bool HasChecks => Results.Count > 0;

    /// <summary>Whether every check passed.</summary>
    public bool Passed => Results.All(r => r.Passed);

    /// <summary>Sum of the checks' false-failure probabilities (at most <see cref="FalseFailureBudget"/>).</summary>
    public double TotalFalseFailureProbability => Results.Sum(r => r.FalseFailureProbability);
}
