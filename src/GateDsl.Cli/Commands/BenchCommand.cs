using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using GateDsl.Cli.Bench;
using GateDsl.Compiler;
using GateDsl.Distributions.Kernels;
using GateDsl.Cli.Rendering;
using TorchSharp;

namespace GateDsl.Cli.Commands;

/// <summary>
/// <c>gatec bench [--quick] [--json] [--rounds N]</c>: the speed ratios of issue 7 (compiled cells
/// against TorchSharp's nn.LSTM and against a 5G cell written by hand, forward and backward of one
/// batch T = 100, B = 32, I = 88, H = 256, float32), the same at batches 1 and 8, and the memory of
/// training steps. Measurements to read, never asserts: exit 0 whether or not targets are met.
/// </summary>
internal static class BenchCommand
{
    public static Command Create(CliContext context)
    {
        var quick = new Option<bool>("--quick") { Description = "3 measured rounds, no small batches, 200 memory steps (about a minute)." };
        var json = new Option<bool>("--json") { Description = "Print the results as JSON." };
        var rounds = new Option<int?>("--rounds") { Description = "Measured rounds per workload (default 15; 3 with --quick)." };
        var noMemory = new Option<bool>("--no-memory") { Description = "Skip the memory measure." };
        var kernelThreads = new Option<int?>("--kernel-threads") { Description = "Threads of the fused kernels (default: the processor count)." };
        var torchThreads = new Option<int?>("--torch-threads") { Description = "libtorch's intra-op threads (default: libtorch's)." };
        var size = new Option<string?>("--size") { Description = "T,B,I,H of the batch (default 100,32,88,256): smaller sizes for a quick look; the targets are for the default." };
        var command = new Command(
            "bench",
            "Measure compiled cells against TorchSharp's nn.LSTM and a 5G cell written by hand (ratios from interleaved rounds), " +
            "and the memory of 1,000 training steps of the 5G cell. Exit 0.")
        {
            quick, json, rounds, noMemory, size, kernelThreads, torchThreads,
        };
        command.SetAction(result =>
        {
            if (result.GetValue(kernelThreads) is { } k)
            {
                if (k < 1)
                {
                    return context.UsageError($"--kernel-threads must be at least 1, but is {k}.");
                }

                KernelParallel.MaxThreads = k;
            }

            if (result.GetValue(torchThreads) is { } t)
            {
                if (t < 1)
                {
                    return context.UsageError($"--torch-threads must be at least 1, but is {t}.");
                }

                torch.set_num_threads(t);
            }

            return Run(context, result.GetValue(quick), result.GetValue(json), result.GetValue(rounds), result.GetValue(noMemory), result.GetValue(size));
        });
        return command;
    }

    private static int Run(CliContext context, bool quick, bool json, int? roundsOption, bool noMemory, string? sizeOption)
    {
        var measured = roundsOption ?? (quick ? 3 : 15);
        if (measured < 1)
        {
            return context.UsageError($"--rounds must be at least 1, but is {measured}.");
        }

        var size = BenchSize.Standard;
        if (sizeOption is not null)
        {
            var parts = sizeOption.Split(',');
            if (parts.Length != 4 || parts.Any(p => !int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1))
            {
                return context.UsageError($"--size takes four whole numbers T,B,I,H, each at least 1 (as 100,32,88,256), not '{sizeOption}'.");
            }

            var n = parts.Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
            size = new BenchSize(n[0], n[1], n[2], n[3]);
        }

        if (IsDebugBuild())
        {
            context.Error.WriteLine("gatec bench: this gatec is a Debug build, whose C# kernels run without the JIT's optimizations: measure a Release build (dotnet run -c Release --project src/GateDsl.Cli -- bench).");
        }

        var warmup = quick ? 1 : 3;
        var spec = GateCompiler.CompileStandardLibrary("cells.gate");
        var threads = $"libtorch {torch.get_num_threads()} (OMP_WAIT_POLICY={Distributions.NativeEnvironment.Get("OMP_WAIT_POLICY") ?? "unset"}), kernels {KernelParallel.MaxThreads}";
        Progress(context, json, $"gatec bench: {size}, float32, {warmup} warm-up + {measured} measured rounds; threads: {threads}");

        var rows = new List<BenchRow>();
        var workloads = BenchPlan.Workloads(spec, size);
        try
        {
            var times = BenchRunner.Measure(workloads, warmup, measured, r => Progress(context, json, $"  round {r} of {warmup + measured}"));
            rows.AddRange(BenchPlan.Rows(times));
        }
        finally
        {
            DisposeAll(workloads);
        }

        if (!quick)
        {
            foreach (var batch in new[] { 1, 8 })
            {
                var small = BenchPlan.SmallBatchWorkloads(spec, size with { Batch = batch });
                try
                {
                    var times = BenchRunner.Measure(small, warmup, measured);
                    rows.Add(BenchPlan.SmallBatchRow(times, batch));
                }
                finally
                {
                    DisposeAll(small);
                }
            }
        }

        MemoryReport? memory = null;
        if (!noMemory)
        {
            var (steps, memoryWarmup) = quick ? (200, 50) : (1000, 100);
            Progress(context, json, $"  memory: {steps} training steps of BBetaLSTM5G, B=32, H=128");
            memory = MemoryBench.Run(spec, steps, memoryWarmup);
        }

        var report = new BenchReport(rows, size.ToString(), measured, threads, memory);
        if (json)
        {
            context.Out.WriteLine(JsonSerializer.Serialize(report, BenchJson.Options));
        }
        else
        {
            Print(context, report);
        }

        return ExitCodes.Success;
    }

    private static void Print(CliContext context, BenchReport report)
    {
        // Fitted to the terminal's width (TextTable: words are never split; a pipe gets one line per row).
        var table = new TextTable { KeyColumns = 2 }.AddColumn("benchmark").AddColumn("baseline").AddColumn("ratio").AddColumn("target").AddColumn("CPU ratio").AddColumn("ms").AddColumn("baseline ms");
        foreach (var row in report.Benchmarks)
        {
            var target = row.Target is { } t ? $"<= {t.ToString("0.00", CultureInfo.InvariantCulture)} {(row.Met == true ? "met" : "NOT met")}" : "-";
            table.AddRow(
                row.Name,
                row.Baseline,
                row.Ratio.ToString("0.00", CultureInfo.InvariantCulture),
                target,
                row.CpuRatio is { } cpu ? cpu.ToString("0.00", CultureInfo.InvariantCulture) : "-",
                row.MeanMs.ToString("0", CultureInfo.InvariantCulture),
                row.BaselineMeanMs.ToString("0", CultureInfo.InvariantCulture));
        }

        context.Write(table);
        context.Out.WriteLine($"ratio: median over {report.Rounds} rounds of (wall time / baseline wall time in the same round); CPU ratio: the same of process CPU time; ms: mean wall time; {report.Size}; threads: {report.Threads}; load: {LoadAverage()}");
        if (report.Memory is { } m)
        {
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"memory: {m.Steps} training steps of BBetaLSTM5G (B=32, H=128): resident {m.AfterWarmupMb:0.0} MB after {m.WarmupSteps} steps, {m.AtEndMb:0.0} MB at the end: growth {m.GrowthMb:0.0} MB (target under 50), of which the .NET GC's committed memory {m.ManagedCommittedGrowthMb:0.0} MB ({m.ManagedKbPerStep:0.0} kB of managed allocation a step)"));
        }
    }

    /// <summary>The machine's load average (Linux), which says how far wall times can be trusted.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>Whether the compiler's assembly was built without optimizations (its kernels then run several times slower).</summary>
    private static bool IsDebugBuild() =>
        typeof(GateCompiler).Assembly.GetCustomAttributes(typeof(System.Diagnostics.DebuggableAttribute), false)
            .OfType<System.Diagnostics.DebuggableAttribute>()
            .Any(a => a.IsJITOptimizerDisabled);

    private static void Progress(CliContext context, bool json, string line)
    {
        if (!json)
        {
            context.Error.WriteLine(line);
        }
    }

    private static void DisposeAll(IEnumerable<IWorkload> workloads)
    {
        foreach (var workload in workloads)
        {
            workload.Dispose();
        }
    }
}
