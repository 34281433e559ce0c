namespace GateDsl.Compiler.Description;

/// <summary>A cell hyperparameter (<c>cell G2LSTM(p: UnitInterval = 0.2)</c>) and the value the description used (its default).</summary>
/// <param name="Name">As declared.</param>
/// <param name="Support">Real, Positive or UnitInterval.</param>
/// <param name="Value">The declared default (0 where a missing default was reported, GATE0413: JSON has no NaN).</param>
public sealed record HyperParameterSummary(string Name, string Support, double Value);
