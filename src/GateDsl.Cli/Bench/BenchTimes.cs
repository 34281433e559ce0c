namespace GateDsl.Cli.Bench;

/// <summary>
/// What <see cref="BenchRunner.Measure"/> records per workload and measured round: wall time and the
/// process's CPU time (all threads: libtorch's, the kernels', the runtime's), both in ms. On a shared
/// machine CPU time is the steadier of the two: it does not count time spent waiting for a core.
/// </summary>
/// <param name="Wall">Wall ms per workload and round.</param>
/// <param name="Cpu">Process CPU ms per workload and round.</param>
internal sealed record BenchTimes(Dictionary<string, List<double>> Wall, Dictionary<string, List<double>> Cpu);
