namespace GateDsl.Cli.Bench;

/// <summary>One comparison: a workload against its baseline, measured in the same rounds.</summary>
/// <param name="Name">The workload.</param>
/// <param name="Baseline">What it is compared with.</param>
/// <param name="Ratio">Median over rounds of (workload time / baseline time in that round).</param>
/// <param name="MeanMs">Mean wall time of the workload, ms.</param>
/// <param name="BaselineMeanMs">Mean wall time of the baseline, ms.</param>
/// <param name="MedianMs">Median wall time of the workload, ms.</param>
/// <param name="Target">The ratio issue 7 asks for, or null for an informative row.</param>
internal sealed record BenchRow(string Name, string Baseline, double Ratio, double MeanMs, double BaselineMeanMs, double MedianMs, double? Target)
{
    /// <summary>
    /// Median over rounds of (workload CPU time / baseline CPU time in that round), process CPU time
    /// of all threads; null when no round's baseline took measurable CPU time. The steadier figure on a
    /// loaded machine; at one thread everywhere (--kernel-threads 1 --torch-threads 1) it is the work done.
    /// </summary>
    public double? CpuRatio { get; init; }

    /// <summary>Whether the ratio meets its target (null without one).</summary>
    public bool? Met => Target is { } t ? Ratio <= t : null;
}
