namespace GateDsl.Cli.Json;

/// <summary>The instruction indices of i, f, o and the candidate.</summary>
public sealed record IrSlotsDto(int I, int F, int O, int Candidate);
