namespace GateDsl.Cli.Bench;

/// <summary>What <c>gatec bench --json</c> prints.</summary>
/// <param name="Benchmarks">The ratio rows.</param>
/// <param name="Size">The batch every row ran (T, B, I, H).</param>
/// <param name="Rounds">Measured rounds per row.</param>
/// <param name="Threads">libtorch's threads and the kernels' threads.</param>
/// <param name="Memory">The memory measure (null when skipped).</param>
internal sealed record BenchReport(IReadOnlyList<BenchRow> Benchmarks, string Size, int Rounds, string Threads, MemoryReport? Memory);

/// <summary>Resident memory of training steps of the compiled 5G cell (see <see cref="MemoryBench"/>).</summary>
/// <param name="Steps">Training steps run.</param>
/// <param name="WarmupSteps">Steps before the first reading.</param>
/// <param name="AfterWarmupMb">Resident MB after warm-up.</param>
/// <param name="AtEndMb">Resident MB after the last step.</param>
/// <param name="GrowthMb">The difference.</param>
/// <param name="ManagedCommittedGrowthMb">How much of it is the .NET GC's committed memory (regions that held garbage between collections).</param>
/// <param name="ManagedKbPerStep">Managed kB allocated a training step after warm-up.</param>
internal sealed record MemoryReport(int Steps, int WarmupSteps, double AfterWarmupMb, double AtEndMb, double GrowthMb, double ManagedCommittedGrowthMb, double ManagedKbPerStep);
