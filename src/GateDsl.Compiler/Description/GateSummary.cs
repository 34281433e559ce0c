using GateDsl.Compiler.Ir;

namespace GateDsl.Compiler.Description;

/// <summary>One gate (or the candidate) of a cell as <c>describe</c> shows it.</summary>
/// <param name="Name">i, f, o or candidate.</param>
/// <param name="IsStochastic">Whether the gate depends on a draw.</param>
/// <param name="Definition">The defining expression or distribution call, formatted canonically.</param>
/// <param name="Support">The checked support (UnitInterval for gates).</param>
/// <param name="Law">Its marginal law as the compiler inferred it; null when deterministic, unknown, or not lowered.</param>
/// <param name="Evaluation">How an evaluation step computes it; null when the cell was not lowered.</param>
public sealed record GateSummary(string Name, bool IsStochastic, string Definition, string Support, LawSummary? Law, GateEvaluation? Evaluation);
