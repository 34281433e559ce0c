namespace GateDsl.Reference.Tests;

/// <summary>A probability level, uniform in [0.001, 0.999].</summary>
public readonly record struct Level(double Value);
