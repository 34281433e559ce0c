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
/// cell (--shapes cell), or a fixed value (--shapes 2.5). --n 40960 (5 Gammas x 32 x 256), --rounds 15.
/// </summary>
internal static class GammaKernelCommand
{
    public static int Run(string[] args)
    {
        int n = 40960, rounds = 15;
        string shapes = "cell";
        for (int i = 1; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--n": n = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--rounds": rounds = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--shapes": shapes = args[i + 1]; break;
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
        var proc = Process.GetCurrentProcess();
        for (int r = 0; r < rounds + 2; r++)
        {
            for (int c = 0; c < cases.Length; c++)
            {
                proc.Refresh();
                var c0 = proc.TotalProcessorTime;
                long t0 = Stopwatch.GetTimestamp();
                cases[c].Run();
                double ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                proc.Refresh();
                if (r >= 2)
                {
                    wall[c].Add(ms);
                    cpu[c].Add((proc.TotalProcessorTime - c0).TotalMilliseconds);
                }
            }
        }

        Console.WriteLine($"n={n} shapes={shapes} rounds={rounds} load={File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine($"{"case",-44} {"wall ms",8} {"cpu ms",8} {"ns/draw (cpu)",14} {"Mdraws/s (wall)",16}");
        for (int c = 0; c < cases.Length; c++)
        {
            double w = Median(wall[c]), u = Median(cpu[c]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{cases[c].Name,-44} {w,8:F2} {u,8:F2} {u * 1e6 / n,14:F1} {n / w / 1e3,16:F2}"));
        }

        return 0;
    }

    private static double Median(List<double> v)
    {
        var s = v.OrderBy(x => x).ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : 0.5 * (s[s.Length / 2 - 1] + s[s.Length / 2]);
    }
}
