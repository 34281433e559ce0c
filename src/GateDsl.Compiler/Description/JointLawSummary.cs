namespace GateDsl.Compiler.Description;

/// <summary>The joint law of two gates: <c>(i, f) ~ BivariateBeta5(...)</c>, X the first gate, Y the second.</summary>
/// <param name="Gates">The two gates in the order of the law's components (X, Y).</param>
/// <param name="Law">The joint law.</param>
public sealed record JointLawSummary(IReadOnlyList<string> Gates, LawSummary Law);
