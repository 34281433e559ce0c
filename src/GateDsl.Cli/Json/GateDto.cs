namespace GateDsl.Cli.Json;

/// <summary>A gate or the candidate.</summary>
/// <param name="Name">i, f, o or candidate.</param>
/// <param name="Stochastic">Whether it depends on a draw.</param>
/// <param name="Definition">Its definition as written (canonical form).</param>
/// <param name="Support">Its checked support.</param>
/// <param name="Law">Its marginal law as the compiler inferred it; null when deterministic or unknown.</param>
/// <param name="Evaluation">How an evaluation step computes it (<see cref="JsonTokens"/>): deterministic, sampled, exactMean, plugInMean, exactMode or plugInMode; null when the cell was not lowered.</param>
public sealed record GateDto(string Name, bool Stochastic, string Definition, string Support, LawDto? Law, string? Evaluation);
