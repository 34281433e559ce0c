namespace GateDsl.Benchmarks.Prototypes;

/// <summary>
/// Where a step's random draws come from: unit j of the row uses the counter-based stream
/// (Seed, RowCounter + j), independent of threads and chunking.
/// </summary>
public readonly record struct StepRandom(ulong Seed, ulong RowCounter);
