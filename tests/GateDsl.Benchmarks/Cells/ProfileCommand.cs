using GateDsl.Distributions;
using System.Globalization;
using GateDsl.Benchmarks.Prototypes;
using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Benchmarks.Cells;

/// <summary>
/// <c>profile</c>: where the time of one training batch goes, in thread CPU time (run it with the
/// default --threads one, so that all work runs on the calling thread). Per-op loops: sections per op
/// class in the forward (calls per batch = ops issued from .NET, each an autograd node when it has a
/// differentiable input), then the backward as one section (libtorch runs it; its share per op class
/// follows from the gamma command's forward/backward split). Whole-sequence cases: forward vs
/// backward. Medians over --rounds 7 after 2 warm-up rounds; --batch 32; --threads as in cells.
/// </summary>
internal static class ProfileCommand
{
    public static int Run(string[] args)
    {
        int batch = 32, rounds = 7;
        string threads = "one";
        for (int i = 1; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--batch": batch = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--rounds": rounds = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--threads": threads = args[i + 1]; break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }

        if (threads == "passive")
        {
            NativeEnvironment.Set("OMP_WAIT_POLICY", "PASSIVE");
        }
        else
        {
            // GateDsl.Distributions sets PASSIVE when it loads (OpenMpDefaults): measure libtorch's own default here.
            NativeEnvironment.Unset("OMP_WAIT_POLICY");
        }

        torch.InitializeDeviceType(DeviceType.CPU);
        if (threads == "one")
        {
            torch.set_num_threads(1);
            GateDsl.Distributions.Kernels.KernelParallel.MaxThreads = 1;
        }

        const int steps = 100, input = 88, hidden = 256;
        using var gen = new Generator(1000, torch.CPU);
        var x = torch.randn([steps, batch, input], generator: gen);
        Console.WriteLine($"T={steps} B={batch} I={input} H={hidden} float32 threads={threads} rounds={rounds} load={File.ReadAllText("/proc/loadavg").Trim()}");
        var perOp = new (string Name, int Heads, PerOpCells.Step Step, bool Unbind)[]
        {
            ("per-op LSTM", 4, PerOpCells.Lstm, false),
            ("per-op LSTM (unbind)", 4, PerOpCells.Lstm, true),
            ("per-op 5G (_standard_gamma)", 7, PerOpCells.BBeta5G(PerOpCells.GammaSource.StandardGamma, false, gen, 1), false),
            ("per-op 5G (_standard_gamma, unbind)", 7, PerOpCells.BBeta5G(PerOpCells.GammaSource.StandardGamma, false, gen, 1), true),
            ("per-op 5G (toolkit)", 7, PerOpCells.BBeta5G(PerOpCells.GammaSource.Toolkit, false, gen, 1), false),
            ("per-op 5G+KL (toolkit)", 7, PerOpCells.BBeta5G(PerOpCells.GammaSource.Toolkit, true, gen, 1), false),
            ("per-op 5G (kernel Gamma, unbind)", 7, PerOpCells.BBeta5G(PerOpCells.GammaSource.Kernel, false, gen, 1), true),
        };
        foreach (var (name, heads, step, unbind) in perOp)
        {
            var w = new CellWeights(heads, input, hidden, ScalarType.Float32, gen);
            var runs = new List<Sections>();
            for (int r = 0; r < rounds + 2; r++)
            {
                var s = new Sections();
                using var scope = torch.NewDisposeScope();
                long t0 = ThreadCpuClock.Nanoseconds();
                var (y, kl) = PerOpCells.Run(x, w, step, s, unbind: unbind);
                var loss = kl is null ? y.sum() : y.sum() + 1e-3 * kl.sum();
                s.Add("forward total", ThreadCpuClock.Nanoseconds() - t0);
                long t1 = ThreadCpuClock.Nanoseconds();
                loss.backward();
                s.Add("backward total", ThreadCpuClock.Nanoseconds() - t1);
                w.ZeroGrad();
                if (r >= 2)
                {
                    runs.Add(s);
                }
            }

            Print(name, runs);
            w.Dispose();
        }

        foreach (var cell in new[] { SequenceCell.Lstm, SequenceCell.BBeta5G(false), SequenceCell.BBeta5G(true) })
        {
            var w = new CellWeights(cell.Single.Heads, input, hidden, ScalarType.Float32, gen);
            var runs = new List<Sections>();
            for (int r = 0; r < rounds + 2; r++)
            {
                var s = new Sections();
                using var scope = torch.NewDisposeScope();
                long t0 = ThreadCpuClock.Nanoseconds();
                var (y, _, _, kl) = SequenceFunction.Run(w.Project(x), w.WHh, torch.zeros([batch, hidden]), torch.zeros([batch, hidden]), new SequenceOptions(cell, null, 3, (ulong)r * 1_000_000));
                var loss = cell.HasKl ? y.sum() + 1e-3 * kl.sum() : y.sum();
                s.Add("forward total", ThreadCpuClock.Nanoseconds() - t0);
                long t1 = ThreadCpuClock.Nanoseconds();
                loss.backward();
                s.Add("backward total", ThreadCpuClock.Nanoseconds() - t1);
                w.ZeroGrad();
                if (r >= 2)
                {
                    runs.Add(s);
                }
            }

            Print("fused " + cell.Name, runs);
            w.Dispose();
        }

        return 0;
    }

    private static void Print(string name, List<Sections> runs)
    {
        Console.WriteLine();
        Console.WriteLine($"{name}: median thread-CPU ms per batch [min .. max] (calls per batch)");
        var sections = runs[0].Report(1).Select(r => r.Section).ToList();
        foreach (var section in sections)
        {
            var values = runs.Select(r => r.Report(1).First(x => x.Section == section)).ToList();
            var ms = values.Select(v => v.Ms).OrderBy(v => v).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {section,-42} {ms[ms.Count / 2],9:F1} ms  [{ms[0],7:F1} .. {ms[^1],7:F1}]  ({values[0].Calls} calls)"));
        }
    }
}
