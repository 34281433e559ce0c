using System.Diagnostics;
using System.Globalization;
using GateDsl.Benchmarks.Prototypes;
using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Benchmarks.Cells;

/// <summary>
/// <c>memory</c>: --iterations 1000 training steps (forward, backward, Adam) of the fused
/// BBetaLSTM5GPrior sequence at --batch 32, --hidden 128, --steps 100, I = 88, with an MSE loss to a
/// fixed random target plus 1e-3 KL. Every step runs in a DisposeScope. Prints the process's resident
/// memory (after a full GC) at --warmup 100 and every 100 steps, and the growth after warm-up.
/// --cell per-op runs the per-op loop (toolkit sampler) instead, for comparison; --trim true calls
/// glibc's malloc_trim(0) before each reading.
/// </summary>
internal static class MemoryCommand
{
    public static int Run(string[] args)
    {
        int iterations = 1000, warmup = 100, batch = 32, hidden = 128, steps = 100;
        string cellKind = "fused";
        bool trim = false;
        for (int i = 1; i + 1 < args.Length; i += 2)
        {
            string v = args[i + 1];
            switch (args[i])
            {
                case "--iterations": iterations = int.Parse(v, CultureInfo.InvariantCulture); break;
                case "--warmup": warmup = int.Parse(v, CultureInfo.InvariantCulture); break;
                case "--batch": batch = int.Parse(v, CultureInfo.InvariantCulture); break;
                case "--hidden": hidden = int.Parse(v, CultureInfo.InvariantCulture); break;
                case "--steps": steps = int.Parse(v, CultureInfo.InvariantCulture); break;
                case "--cell": cellKind = v; break;
                case "--trim": trim = v == "true"; break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }

        // One thread each (libtorch and kernels): on the shared machine this is the steadiest setting.
        torch.set_num_threads(1);
        GateDsl.Distributions.Kernels.KernelParallel.MaxThreads = 1;
        const int input = 88;
        using var gen = new Generator(7, torch.CPU);
        var w = new CellWeights(7, input, hidden, ScalarType.Float32, gen);
        var x = torch.randn([steps, batch, input], generator: gen);
        var target = torch.rand([steps, batch, hidden], generator: gen) - 0.5;
        var optimizer = torch.optim.Adam(w.All, 2e-3);
        var cell = SequenceCell.BBeta5G(withKl: true);
        var step = PerOpCells.BBeta5G(PerOpCells.GammaSource.Toolkit, true, gen, 1);
        long baseline = 0;
        var watch = Stopwatch.StartNew();
        Console.WriteLine($"{cellKind} BBetaLSTM5GPrior T={steps} B={batch} H={hidden}, {iterations} iterations (forward, backward, Adam)");
        for (int it = 1; it <= iterations; it++)
        {
            double lossValue;
            using (var scope = torch.NewDisposeScope())
            {
                optimizer.zero_grad();
                Tensor y, kl;
                if (cellKind == "fused")
                {
                    (y, _, _, kl) = SequenceFunction.Run(w.Project(x), w.WHh, torch.zeros([batch, hidden]), torch.zeros([batch, hidden]), new SequenceOptions(cell, null, 99, (ulong)it * (ulong)(steps * batch * hidden)));
                }
                else
                {
                    var r = PerOpCells.Run(x, w, step);
                    (y, kl) = (r.Output, r.Kl!);
                }

                var loss = (y - target).square().mean() + 1e-3 * kl.sum() / (steps * batch);
                loss.backward();
                optimizer.step();
                lossValue = loss.item<float>();
            }

            if (it == warmup || it % (iterations >= 500 ? 100 : 50) == 0)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                // Return freed heap pages to the OS, so RSS shows live memory rather than glibc's caches.
                if (trim)
                {
                    malloc_trim(0);
                }

                long rss = Process.GetCurrentProcess().WorkingSet64;
                if (it == warmup)
                {
                    baseline = rss;
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"iteration {it,5}: RSS {rss / 1048576.0,8:F1} MB, growth since warm-up {(baseline == 0 ? 0 : (rss - baseline) / 1048576.0),7:F1} MB, managed {GC.GetTotalMemory(false) / 1048576.0,6:F1} MB, loss {lossValue:F5}, {watch.Elapsed.TotalSeconds:F0} s"));
            }
        }

        return 0;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int malloc_trim(nuint pad);
}
