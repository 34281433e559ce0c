namespace GateDsl.Cli.Json;

/// <summary>A primitive draw; <paramref name="Count"/> is the number of family members.</summary>
public sealed record DrawDto(string Name, string Distribution, int Count, string Support);
