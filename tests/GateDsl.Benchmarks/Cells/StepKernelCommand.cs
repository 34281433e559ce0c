using System.Globalization;
using GateDsl.Benchmarks.Prototypes;

namespace GateDsl.Benchmarks.Cells;

/// <summary>
/// <c>step</c>: the elementwise step kernels alone, single-threaded on the calling thread, float32:
/// thread CPU nanoseconds per unit (one of B x H) for forward and backward, medians over --rounds 15 of
/// --units 8192 (32 x 256). Multiply by T B H for a batch's share; it excludes the matrix products.
/// </summary>
internal static class StepKernelCommand
{
    public static int Run(string[] args)
    {
        int rounds = 15, hidden = 256, rows = 32;
        for (int i = 1; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--rounds": rounds = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--rows": rows = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }

        var rng = new Random(1);
        Console.WriteLine($"{rows} rows x {hidden} units, float32, 1 thread, {rounds} rounds, load={File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine($"{"step",-18} {"forward ns/unit",16} {"backward ns/unit",17}");
        foreach (var cell in new[] { SequenceCell.Lstm, SequenceCell.Cifg, SequenceCell.BBeta5G(false), SequenceCell.BBeta5G(true) })
        {
            var step = cell.Single;
            int k = step.Heads, w = step.SavedWidth;
            float[] pre = Enumerable.Range(0, rows * k * hidden).Select(_ => (float)(rng.NextDouble() * 4 - 2)).ToArray();
            float[] cPrev = Enumerable.Range(0, rows * hidden).Select(_ => (float)(rng.NextDouble() - 0.5)).ToArray();
            float[] c = new float[rows * hidden], h = new float[rows * hidden], saved = new float[rows * w * hidden];
            float[] dh = Enumerable.Range(0, rows * hidden).Select(_ => (float)(rng.NextDouble() - 0.5)).ToArray();
            float[] dc = new float[rows * hidden], dPre = new float[rows * k * hidden];
            var fwd = new List<double>();
            var bwd = new List<double>();
            for (int r = 0; r < rounds + 40; r++)
            {
                long t0 = ThreadCpuClock.Nanoseconds();
                for (int b = 0; b < rows; b++)
                {
                    step.Forward(pre.AsSpan(b * k * hidden, k * hidden), cPrev.AsSpan(b * hidden, hidden), c.AsSpan(b * hidden, hidden), h.AsSpan(b * hidden, hidden), saved.AsSpan(b * w * hidden, w * hidden), hidden, 0, hidden, new StepRandom(5, (ulong)(r * rows + b) * 5000, 1000));
                }

                long t1 = ThreadCpuClock.Nanoseconds();
                for (int b = 0; b < rows; b++)
                {
                    step.Backward(saved.AsSpan(b * w * hidden, w * hidden), cPrev.AsSpan(b * hidden, hidden), c.AsSpan(b * hidden, hidden), dh.AsSpan(b * hidden, hidden), dc.AsSpan(b * hidden, hidden), 0.1, dPre.AsSpan(b * k * hidden, k * hidden), hidden, 0, hidden);
                }

                long t2 = ThreadCpuClock.Nanoseconds();
                if (r >= 40)
                {
                    fwd.Add((t1 - t0) / (double)(rows * hidden));
                    bwd.Add((t2 - t1) / (double)(rows * hidden));
                }
            }

            fwd.Sort();
            bwd.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{cell.Name,-18} {fwd[fwd.Count / 2],16:F1} {bwd[bwd.Count / 2],17:F1}"));
        }

        return 0;
    }
}
