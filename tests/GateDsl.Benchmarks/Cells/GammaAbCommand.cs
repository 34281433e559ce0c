using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;

namespace GateDsl.Benchmarks.Cells;

/// <summary>
/// Paired A/B of the span Gamma sampler (draws + implicit gradient at the float32 step's tolerance
/// 1e-8) between builds: each assembly given by path is loaded into its own load context and the
/// builds take turns on the same shapes, round after round, in one process, timed by thread CPU.
/// A change is read from the median of per-round ratios, which a loaded or noisy machine moves far
/// less than it moves times measured in separate processes. The first build is the baseline.
/// </summary>
/// <remarks>
/// <c>gamma-ab [--shapes cell|VALUE] [--rounds 300] [--warmup 100] PATH/GateDsl.Distributions.dll ...</c>;
/// with no path, the build beside this harness is compared with itself (the noise floor). Shapes
/// "cell": softplus(N(0,1)) + 1e-3, as the 5G cell's at initialisation are spread; 40,960 per round.
/// Prints each build's median ns per draw, the median ratio to the baseline and a checksum of its
/// values (equal checksums: the builds compute the same numbers).
/// </remarks>
internal static class GammaAbCommand
{
    private delegate void SpanSampler(ReadOnlySpan<double> alpha, Span<double> logDraw, Span<double> gradient, ulong seed, ulong counterBase, double tolerance);

    public static int Run(string[] args)
    {
        string shapes = "cell";
        int rounds = 300, warmup = 100;
        var paths = new List<string>();
        for (int i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--shapes": shapes = args[++i]; break;
                case "--rounds": rounds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--warmup": warmup = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default: paths.Add(Path.GetFullPath(args[i])); break;
            }
        }

        if (paths.Count == 0)
        {
            var own = typeof(Distributions.Kernels.StandardGammaKernel).Assembly.Location;
            paths.AddRange([own, own]);
        }

        var samplers = paths.Select((p, k) => Load(p, k)).ToArray();
        const int n = 40960, block = 256;
        var rng = new Random(1);
        var alpha = new double[n];
        for (int i = 0; i < n; i++)
        {
            double z = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
            alpha[i] = shapes == "cell" ? Math.Log(1 + Math.Exp(z)) + 1e-3 : double.Parse(shapes, CultureInfo.InvariantCulture);
        }

        var logDraw = new double[n];
        var gradient = new double[n];
        var times = samplers.Select(_ => new List<double>()).ToArray();
        var checksums = new double[samplers.Length];
        for (int round = 0; round < warmup + rounds; round++)
        {
            for (int k = 0; k < samplers.Length; k++)
            {
                long start = ThreadCpuClock.Nanoseconds();
                for (int s = 0; s < n; s += block)
                {
                    samplers[k](alpha.AsSpan(s, block), logDraw.AsSpan(s, block), gradient.AsSpan(s, block), 7, (ulong)((round * n) + s), 1e-8);
                }

                double perDraw = (double)(ThreadCpuClock.Nanoseconds() - start) / n;
                if (round >= warmup)
                {
                    times[k].Add(perDraw);
                }

                checksums[k] += logDraw.Sum() + gradient.Sum();
            }
        }

        Console.WriteLine($"gamma-ab: shapes={shapes} n={n} rounds={rounds} (after {warmup} warm-up) load={File.ReadAllText("/proc/loadavg").Trim()}");
        for (int k = 0; k < samplers.Length; k++)
        {
            var sorted = times[k].Order().ToList();
            var ratios = times[k].Zip(times[0], (a, b) => a / b).Order().ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{k}: median {sorted[sorted.Count / 2]:F1} ns/draw (q1 {sorted[sorted.Count / 4]:F1}, q3 {sorted[3 * sorted.Count / 4]:F1}), median ratio to 0: {ratios[ratios.Count / 2]:F3}, checksum {checksums[k]:R}  {paths[k]}"));
        }

        return 0;
    }

    private static SpanSampler Load(string path, int index)
    {
        var context = new AssemblyLoadContext($"gamma-ab-{index}", isCollectible: false);
        var assembly = context.LoadFromAssemblyPath(path);
        var type = assembly.GetType("GateDsl.Distributions.Kernels.StandardGammaKernel")
            ?? throw new ArgumentException($"{path}: no StandardGammaKernel");
        var method = type.GetMethods().FirstOrDefault(m => m.Name == "SampleLog" && m.GetParameters().Length == 6 && m.GetParameters()[1].ParameterType == typeof(Span<double>))
            ?? throw new ArgumentException($"{path}: no span SampleLog(alpha, logDraw, gradient, seed, counterBase, tolerance)");
        return (SpanSampler)Delegate.CreateDelegate(typeof(SpanSampler), method);
    }
}
