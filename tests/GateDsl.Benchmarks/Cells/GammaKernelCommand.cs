using System.Diagnostics;
using System.Globalization;
using GateDsl.Distributions.Kernels;
using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Benchmarks.Cells;

/// <summary>
/// <c>gamma</c>: draws per second of the kernel Gamma sampler (with and without its gradient, 1 and 2
/// threads) against torch._standard_gamma (+ backward) on the same shapes, in one process, interleaved
/// rounds, medians of thread CPU time and wall time. Shapes: softplus(N(0,1)) + 1e-3 as in a BBeta-LSTM
/// cell (--shapes cell), or a fixed value (--shapes 2.5). --n 40960 (5 Gammas x 32 x 256), --rounds 15,
/// --repeat 5 (runs per measurement; times are per run). The thread CPU column is the robust one for
/// single-threaded cases on a loaded machine.
/// </summary>
internal static class GammaKernelCommand
{
    public static int Run(string[] args)
    {
        int n = 40960, rounds = 15, repeat = 5;
        string shapes = "cell";
        for (int i = 1; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--n": n = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--rounds": rounds = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--shapes": shapes = args[i + 1]; break;
                case "--repeat": repeat = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }

        torch.set_num_threads(1);
        using var gen = new Generator(1000, torch.CPU);
        var alpha = shapes == "cell"
            ? (torch.nn.functional.softplus(torch.randn([n], generator: gen)) + 1e-3)
            : torch.full([n], double.Parse(shapes, CultureInfo.InvariantCulture), ScalarType.Float32);
        var alphaD = alpha.to(ScalarType.Float64).data<double>().ToArray();
        var draw = new double[n];
        var grad = new double[n];

        // What a fused cell step does per block: psi(alpha), then draws and gradients of a span
        // (float32 tolerance 1e-8); and the SIMD gradient series alone at the boosted shapes and
        // the kernel's own draws of them (ln G(alpha') with alpha' = alpha + 1 below 1).
        var psi = alphaD.Select(ScalarSpecialFunctions.Digamma).ToArray();
        var boosted = alphaD.Select(a => a < 1 ? a + 1 : a).ToArray();
        var psiBoosted = boosted.Select(ScalarSpecialFunctions.Digamma).ToArray();
        var logBoosted = new double[n];
        for (int i = 0; i < n; i++)
        {
            var st = new CounterStream(3, (ulong)i);
            logBoosted[i] = StandardGammaKernel.SampleLog(boosted[i], ref st);
        }

        void Spans(Action<int, int> body)
        {
            for (int start = 0; start < n; start += StandardGammaKernel.MaxBatch)
            {
                body(start, Math.Min(StandardGammaKernel.MaxBatch, n - start));
            }
        }
        var cases = new (string Name, Action Run)[]
        {
            ("torch._standard_gamma", () => { using var s = torch.NewDisposeScope(); torch._standard_gamma(alpha, gen); }),
            ("torch._standard_gamma + backward", () =>
            {
                using var s = torch.NewDisposeScope();
                var a = alpha.detach().requires_grad_(true);
                torch._standard_gamma(a, gen).sum().backward();
            }),
            ("kernel: draws only (1 thread)", () =>
            {
                for (int i = 0; i < n; i++)
                {
                    var st = new CounterStream(3, (ulong)i);
                    draw[i] = StandardGammaKernel.SampleLog(alphaD[i], ref st);
                }
            }),
            ("kernel: draws + gradient (1 thread)", () => KernelGamma.Sample(alphaD, draw, grad, 3, 0, logSpace: true)),
            ("kernel span: draws + gradient, tol 1e-8 (1 thread)", () => Spans((s, m) =>
                StandardGammaKernel.SampleLog(alphaD.AsSpan(s, m), psi.AsSpan(s, m), draw.AsSpan(s, m), grad.AsSpan(s, m), 3, (ulong)s, 1e-8))),
            ("kernel span: SIMD gradient only, tol 1e-8", () => Spans((s, m) =>
                GammaShapeDerivative.OfLogDraw(boosted.AsSpan(s, m), logBoosted.AsSpan(s, m), psiBoosted.AsSpan(s, m), grad.AsSpan(s, m), 1e-8))),
            ("kernel span: SIMD gradient only, tol 1e-16", () => Spans((s, m) =>
                GammaShapeDerivative.OfLogDraw(boosted.AsSpan(s, m), logBoosted.AsSpan(s, m), psiBoosted.AsSpan(s, m), grad.AsSpan(s, m), 1e-16))),
            ("kernel span: digamma (SIMD)", () => Spans((s, m) => VectorSpecialFunctions.Digamma(alphaD.AsSpan(s, m), grad.AsSpan(s, m)))),
            ("kernel: gradient only (1 thread)", () =>
            {
                for (int i = 0; i < n; i++)
                {
                    grad[i] = GammaShapeDerivative.OfLogDraw(alphaD[i] < 1 ? alphaD[i] + 1 : alphaD[i], draw[i] + 0.5);
                }
            }),
            ("kernel: digamma only (1 thread)", () =>
            {
                for (int i = 0; i < n; i++)
                {
                    grad[i] = ScalarSpecialFunctions.Digamma(alphaD[i]);
                }
            }),
            ("KernelGamma.RSample + backward (2 threads)", () =>
            {
                using var s = torch.NewDisposeScope();
                KernelParallel.MaxThreads = 2;
                var a = alpha.detach().requires_grad_(true);
                KernelGamma.RSample(a, 3, 0).sum().backward();
            }),
            ("KernelGamma.RSample + backward (1 thread)", () =>
            {
                using var s = torch.NewDisposeScope();
                KernelParallel.MaxThreads = 1;
                var a = alpha.detach().requires_grad_(true);
                KernelGamma.RSample(a, 3, 0).sum().backward();
            }),
        };
        var wall = cases.Select(_ => new List<double>()).ToArray();
        var cpu = cases.Select(_ => new List<double>()).ToArray();
        var threadCpu = cases.Select(_ => new List<double>()).ToArray();
        var proc = Process.GetCurrentProcess();
        for (int r = 0; r < rounds + 2; r++)
        {
            for (int c = 0; c < cases.Length; c++)
            {
                proc.Refresh();
                var c0 = proc.TotalProcessorTime;
                long t0 = Stopwatch.GetTimestamp();
                long th0 = ThreadCpuClock.Nanoseconds();
                for (int k = 0; k < repeat; k++)
                {
                    cases[c].Run();
                }

                long th1 = ThreadCpuClock.Nanoseconds();
                double ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds / repeat;
                proc.Refresh();
                if (r >= 2)
                {
                    wall[c].Add(ms);
                    cpu[c].Add((proc.TotalProcessorTime - c0).TotalMilliseconds / repeat);
                    threadCpu[c].Add((th1 - th0) / 1e6 / repeat);
                }
            }
        }

        Console.WriteLine($"n={n} shapes={shapes} rounds={rounds} repeat={repeat} load={File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine($"{"case",-52} {"wall ms",8} {"cpu ms",8} {"ns/draw (cpu)",14} {"ns/draw (thread cpu)",21}");
        for (int c = 0; c < cases.Length; c++)
        {
            double w = Median(wall[c]), u = Median(cpu[c]), t = Median(threadCpu[c]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{cases[c].Name,-52} {w,8:F2} {u,8:F2} {u * 1e6 / n,14:F1} {t * 1e6 / n,21:F1}"));
        }

        return 0;
    }

    private static double Median(List<double> v)
    {
        var s = v.OrderBy(x => x).ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : 0.5 * (s[s.Length / 2 - 1] + s[s.Length / 2]);
    }
}
