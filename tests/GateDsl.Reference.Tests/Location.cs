namespace GateDsl.Reference.Tests;

/// <summary>A location, uniform in [-5, 5].</summary>
public readonly record struct Location(double Value);
