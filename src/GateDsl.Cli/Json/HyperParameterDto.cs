namespace GateDsl.Cli.Json;

/// <summary>A cell hyperparameter and its value.</summary>
public sealed record HyperParameterDto(string Name, string Support, double Value);
