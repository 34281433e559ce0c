using System.Globalization;
using GateDsl.Distributions.Kernels;
using GateDsl.Reference;
using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Benchmarks.Cells;

/// <summary>
/// <c>gammagrad</c>: accuracy of dG/dalpha at draws G ~ Gamma(alpha, 1) from libtorch's
/// _standard_gamma (float64): libtorch's own gradient (autograd through _standard_gamma, i.e.
/// _standard_gamma_grad) and the kernel's series (<see cref="GammaShapeDerivative"/>) at the same
/// draw, each against GateDsl.Reference's implicit gradient (finite differences of the MathNet CDF,
/// Richardson-extrapolated). Prints the max and median relative error per shape. --n 200 draws per shape.
/// </summary>
internal static class GammaGradientAccuracyCommand
{
    public static int Run(string[] args)
    {
        int n = args.Length > 2 && args[1] == "--n" ? int.Parse(args[2], CultureInfo.InvariantCulture) : 200;
        double[] shapes = [1e-3, 1e-2, 0.1, 0.5, 1, 2, 5, 10, 30, 100, 1e3, 1e4];
        using var gen = new Generator(2024, torch.CPU);
        Console.WriteLine($"{n} draws per shape; relative error against GateDsl.Reference.ImplicitGradient");
        Console.WriteLine($"{"alpha",8} {"used",5} {"libtorch max",13} {"libtorch med",13} {"kernel max",12} {"kernel med",12} {"kernel vs libtorch max",22}");
        foreach (double a in shapes)
        {
            using var scope = torch.NewDisposeScope();
            var alpha = torch.full([n], a, ScalarType.Float64).requires_grad_(true);
            var x = torch._standard_gamma(alpha, gen);
            x.sum().backward();
            var xs = x.detach().data<double>().ToArray();
            var gs = alpha.grad!.data<double>().ToArray();
            var reference = new GammaReference(a);
            var libErr = new List<double>();
            var kerErr = new List<double>();
            double cross = 0;
            for (int i = 0; i < n; i++)
            {
                // The finite-difference reference needs a positive density and a CDF away from 0 and 1.
                double p = reference.Cdf(xs[i]);
                if (!(xs[i] > 1e-280) || p < 1e-12 || p > 1 - 1e-12)
                {
                    continue;
                }

                double r = ImplicitGradient.Compute(reference, xs[i], 0);
                double k = GammaShapeDerivative.OfDraw(a, xs[i]);
                libErr.Add(Math.Abs(gs[i] - r) / Math.Abs(r));
                kerErr.Add(Math.Abs(k - r) / Math.Abs(r));
                cross = Math.Max(cross, Math.Abs(k - gs[i]) / Math.Abs(k));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{a,8:G3} {libErr.Count,5} {Max(libErr),13:E2} {Med(libErr),13:E2} {Max(kerErr),12:E2} {Med(kerErr),12:E2} {cross,22:E2}"));
        }

        return 0;
    }

    private static double Max(List<double> v) => v.Count == 0 ? double.NaN : v.Max();

    private static double Med(List<double> v) => v.Count == 0 ? double.NaN : v.OrderBy(x => x).ElementAt(v.Count / 2);
}
