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
    /// <summary>Whether the ratio meets its target (null without one).</summary>
    public bool? Met => Target is { } t ? Ratio <= t : null;
}
