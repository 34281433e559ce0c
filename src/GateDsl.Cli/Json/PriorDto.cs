namespace GateDsl.Cli.Json;

/// <summary>A prior: its target, its law and the weight of its KL term.</summary>
public sealed record PriorDto(string Target, string Distribution, double Weight);
