using System.Diagnostics;
using System.Globalization;
using GateDsl.Distributions;
using GateDsl.Distributions.Kernels;
using TorchSharp;

namespace GateDsl.Benchmarks.Cells;

/// <summary>
/// <c>cells</c>: a Stopwatch harness for recurrent cells, forward + backward of one batch. Every
/// case is measured in the same process, interleaved round by round with the nn.LSTM baseline, so
/// load on the shared machine hits all of them alike; medians, quartiles and the median of the
/// per-round ratios are reported, with process CPU time per iteration (CPU/wall above 1 means
/// threads ran in parallel, or spun).
/// Options: --threads default|one|passive (libtorch: its default of 2 busy-waiting OpenMP threads;
/// torch.set_num_threads(1); OMP_WAIT_POLICY=PASSIVE set in the native environment before libtorch
/// loads), --kernel-threads N (the C# kernels; default: 1 for "one", else 2), --batch 1,8,32,
/// --steps 100, --input 88, --hidden 256, --rounds 15, --warmup 2, --dtype float32|float64,
/// --cases substring,substring (nn.LSTM always runs; =name matches one case exactly).
/// </summary>
internal static class CellBenchmarkCommand
{
    public static int Run(string[] args)
    {
        var o = Options.Parse(args);
        // Must precede the first torch call: libgomp reads it when libtorch loads.
        if (o.Threads == "passive")
        {
            NativeEnvironment.Set("OMP_WAIT_POLICY", "PASSIVE");
        }
        else
        {
            // GateDsl.Distributions sets PASSIVE when it loads (OpenMpDefaults): measure libtorch's own default here.
            NativeEnvironment.Unset("OMP_WAIT_POLICY");
        }

        torch.InitializeDeviceType(DeviceType.CPU);
        if (o.Threads == "one")
        {
            torch.set_num_threads(1);
        }

        KernelParallel.MaxThreads = o.KernelThreads ?? (o.Threads == "one" ? 1 : 2);
        Console.WriteLine($"threads={o.Threads} torch.get_num_threads={torch.get_num_threads()} OMP_WAIT_POLICY(native)={NativeEnvironment.Get("OMP_WAIT_POLICY") ?? "unset"} kernelThreads={KernelParallel.MaxThreads} load={File.ReadAllText("/proc/loadavg").Trim()}");
        foreach (int batch in o.Batches)
        {
            Measure(o, batch);
        }

        return 0;
    }

    private static void Measure(Options o, int batch)
    {
        var dtype = o.Dtype == "float64" ? torch.ScalarType.Float64 : torch.ScalarType.Float32;
        var cases = CellCases.Create(o.Steps, batch, o.Input, o.Hidden, dtype, name => o.Cases.Count == 0 || o.Cases.Any(c => c.StartsWith('=') ? name.Equals(c[1..], StringComparison.OrdinalIgnoreCase) : name.Contains(c, StringComparison.OrdinalIgnoreCase)));
        var wall = cases.ToDictionary(c => c.Name, _ => new List<double>());
        var cpu = cases.ToDictionary(c => c.Name, _ => new List<double>());
        var proc = Process.GetCurrentProcess();
        for (int round = 0; round < o.Warmup + o.Rounds; round++)
        {
            foreach (var c in cases)
            {
                proc.Refresh();
                var cpu0 = proc.TotalProcessorTime;
                long t0 = Stopwatch.GetTimestamp();
                c.Iteration();
                double ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                proc.Refresh();
                if (round >= o.Warmup)
                {
                    wall[c.Name].Add(ms);
                    cpu[c.Name].Add((proc.TotalProcessorTime - cpu0).TotalMilliseconds);
                }
            }
        }

        var baseline = wall[CellCases.Baseline];
        double baseMedian = Median(baseline);
        double baseCpu = Median(cpu[CellCases.Baseline]);
        Console.WriteLine();
        Console.WriteLine($"T={o.Steps} B={batch} I={o.Input} H={o.Hidden} {o.Dtype} rounds={o.Rounds} threads={o.Threads} load={File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine($"{"case",-30} {"median ms",10} {"q1",8} {"q3",8} {"ratio",7} {"rnd ratio",10} {"r q1",6} {"r q3",6} {"cpu/wall",8} {"cpu ms",8} {"cpu ratio",9}");
        foreach (var c in cases)
        {
            var w = wall[c.Name];
            var ratios = w.Zip(baseline, (a, b) => a / b).ToList();
            double cpuRatio = Median(cpu[c.Name]) / Median(w);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{c.Name,-30} {Median(w),10:F1} {Quantile(w, 0.25),8:F1} {Quantile(w, 0.75),8:F1} {Median(w) / baseMedian,7:F2} {Median(ratios),10:F2} {Quantile(ratios, 0.25),6:F2} {Quantile(ratios, 0.75),6:F2} {cpuRatio,8:F2} {Median(cpu[c.Name]),8:F1} {Median(cpu[c.Name]) / baseCpu,9:F2}"));
        }

        foreach (var c in cases)
        {
            c.Cleanup();
        }
    }

    private static double Median(List<double> v) => Quantile(v, 0.5);

    private static double Quantile(List<double> v, double q)
    {
        var s = v.OrderBy(x => x).ToArray();
        double pos = q * (s.Length - 1);
        int lo = (int)Math.Floor(pos);
        int hi = Math.Min(lo + 1, s.Length - 1);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }

    private sealed record Options(string Threads, int? KernelThreads, int[] Batches, int Steps, int Input, int Hidden, int Rounds, int Warmup, string Dtype, List<string> Cases)
    {
        public static Options Parse(string[] args)
        {
            var o = new Options("default", null, [1, 8, 32], 100, 88, 256, 15, 2, "float32", []);
            for (int i = 1; i < args.Length; i++)
            {
                string v = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
                o = args[i] switch
                {
                    "--threads" => o with { Threads = v is "default" or "one" or "passive" ? v : throw new ArgumentException($"--threads: expected default, one or passive; got {v}") },
                    "--kernel-threads" => o with { KernelThreads = int.Parse(v, CultureInfo.InvariantCulture) },
                    "--batch" => o with { Batches = v.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray() },
                    "--steps" => o with { Steps = int.Parse(v, CultureInfo.InvariantCulture) },
                    "--input" => o with { Input = int.Parse(v, CultureInfo.InvariantCulture) },
                    "--hidden" => o with { Hidden = int.Parse(v, CultureInfo.InvariantCulture) },
                    "--rounds" => o with { Rounds = int.Parse(v, CultureInfo.InvariantCulture) },
                    "--warmup" => o with { Warmup = int.Parse(v, CultureInfo.InvariantCulture) },
                    "--dtype" => o with { Dtype = v },
                    "--cases" => o with { Cases = v.Split(',').ToList() },
                    _ => throw new ArgumentException($"unknown option {args[i]}"),
                };
                i++;
            }

            return o;
        }
    }
}
