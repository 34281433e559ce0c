namespace GateDsl.Validation.Cells;

/// <summary>A stochastic gate validation cannot hold against a law, and why (its law is unknown, or has no reference).</summary>
/// <param name="Gate">i, f, o or candidate.</param>
/// <param name="Reason">e.g. <c>law unknown</c>.</param>
public sealed record UncheckedGate(string Gate, string Reason);
