namespace GateDsl.Cli.Json;

/// <summary>A gate or the candidate.</summary>
public sealed record GateDto(string Name, bool Stochastic, string Definition, string Support);
