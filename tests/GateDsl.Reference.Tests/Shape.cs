namespace GateDsl.Reference.Tests;

/// <summary>A shape parameter, log-uniform in [0.3, 20].</summary>
public readonly record struct Shape(double Value);
