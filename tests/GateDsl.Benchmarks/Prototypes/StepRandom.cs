namespace GateDsl.Benchmarks.Prototypes;

/// <summary>
/// Where a step's random draws come from: draw k of unit j of the row uses the counter-based stream
/// (Seed, RowBase + k HeadStride + j), independent of threads and chunking. The sequence function sets
/// RowBase = 5 (offset + t B H) + b H and HeadStride = B H, so the draws of head k at step t are one
/// contiguous counter range over [B, H], as a per-op loop calling KernelGamma once per head gets them.
/// </summary>
public readonly record struct StepRandom(ulong Seed, ulong RowBase, ulong HeadStride);
