namespace GateDsl.Cli.Json;

/// <summary>A gate's place in a joint law: component 0 is X, 1 is Y; the partner is the other gate.</summary>
public sealed record IrJointDto(IrLawDto Law, int Component, string Partner);
