namespace GateDsl.Cli.Json;

/// <summary>A hyperparameter and the value lowering folded in.</summary>
public sealed record IrHyperParameterDto(string Name, double Value, bool IsDefault);
