using System.Diagnostics;

namespace GateDsl.Cli.Bench;

/// <summary>
/// Times workloads round by round: every round runs each workload once, in a fixed order, so load on
/// the machine hits a workload and its baseline alike; a row's ratio is the median of its per-round
/// ratios. No wall-clock number is asserted anywhere: these are measurements to read.
/// </summary>
internal static class BenchRunner
{
    /// <summary>Runs <paramref name="warmup"/> unmeasured and <paramref name="rounds"/> measured rounds; wall ms per workload and round.</summary>
    public static Dictionary<string, List<double>> Measure(IReadOnlyList<IWorkload> workloads, int warmup, int rounds, Action<int>? progress = null)
    {
        var times = workloads.ToDictionary(w => w.Name, _ => new List<double>());
        for (var round = 0; round < warmup + rounds; round++)
        {
            foreach (var workload in workloads)
            {
                var start = Stopwatch.GetTimestamp();
                workload.Run();
                var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (round >= warmup)
                {
                    times[workload.Name].Add(ms);
                }
            }

            progress?.Invoke(round + 1);
        }

        return times;
    }

    /// <summary>The row comparing <paramref name="name"/> with <paramref name="baseline"/>.</summary>
    public static BenchRow Row(Dictionary<string, List<double>> times, string name, string baseline, double? target)
    {
        var w = times[name];
        var b = times[baseline];
        var ratios = w.Zip(b, (x, y) => x / y).ToList();
        return new BenchRow(name, baseline, Median(ratios), w.Average(), b.Average(), Median(w), target);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
