namespace GateDsl.Language.Model;

/// <summary>One gate (or the candidate) of a cell as <c>describe</c> shows it.</summary>
/// <param name="Name">i, f, o or candidate.</param>
/// <param name="IsStochastic">Whether the gate depends on a draw.</param>
/// <param name="Definition">The defining expression or distribution call, formatted canonically.</param>
/// <param name="Support">The checked support (UnitInterval for gates).</param>
public sealed record GateSummary(string Name, bool IsStochastic, string Definition, string Support);
