using System.Diagnostics;

namespace GateDsl.Cli.Bench;

/// <summary>
/// Times workloads round by round: every round runs each workload once, in a fixed order, so load on
/// the machine hits a workload and its baseline alike; a row's ratio is the median of its per-round
/// ratios, of wall time and of process CPU time alike. No number is asserted anywhere: these are
/// measurements to read.
/// </summary>
internal static class BenchRunner
{
    /// <summary>Runs <paramref name="warmup"/> unmeasured and <paramref name="rounds"/> measured rounds; wall and CPU ms per workload and round.</summary>
    public static BenchTimes Measure(IReadOnlyList<IWorkload> workloads, int warmup, int rounds, Action<int>? progress = null)
    {
        var times = new BenchTimes(workloads.ToDictionary(w => w.Name, _ => new List<double>()), workloads.ToDictionary(w => w.Name, _ => new List<double>()));
        for (var round = 0; round < warmup + rounds; round++)
        {
            foreach (var workload in workloads)
            {
                var cpu = Environment.CpuUsage.TotalTime;
                var start = Stopwatch.GetTimestamp();
                workload.Run();
                var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                var cpuMs = (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds;
                if (round >= warmup)
                {
                    times.Wall[workload.Name].Add(ms);
                    times.Cpu[workload.Name].Add(cpuMs);
                }
            }

            progress?.Invoke(round + 1);
        }

        return times;
    }

    /// <summary>The row comparing <paramref name="name"/> with <paramref name="baseline"/>.</summary>
    public static BenchRow Row(BenchTimes times, string name, string baseline, double? target)
    {
        var w = times.Wall[name];
        var b = times.Wall[baseline];
        var ratios = w.Zip(b, (x, y) => x / y).ToList();

        // A round whose baseline took no measurable CPU time (a tiny --size) has no CPU ratio.
        var cpuRatios = times.Cpu[name].Zip(times.Cpu[baseline], (x, y) => (x, y)).Where(p => p.y > 0).Select(p => p.x / p.y).ToList();
        return new BenchRow(name, baseline, Median(ratios), w.Average(), b.Average(), Median(w), target)
        {
            CpuRatio = cpuRatios.Count > 0 ? Median(cpuRatios) : null,
        };
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
