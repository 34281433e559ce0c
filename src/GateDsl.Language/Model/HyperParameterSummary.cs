namespace GateDsl.Language.Model;

/// <summary>A cell hyperparameter (<c>cell G2LSTM(p: UnitInterval = 0.2)</c>) and its value.</summary>
public sealed record HyperParameterSummary(string Name, string Support, double Value);
