using GateDsl.Reference;
using MathNet.Numerics.Distributions;

namespace GateDsl.Reference.Tests;

/// <summary>
/// Draws with MathNet's own samplers (System.Random with fixed seeds, fixed before the first run and
/// never changed to make a test pass). Laws MathNet cannot sample use inversion of the reference
/// quantile, which exercises the statistical tests, not the reference itself.
/// </summary>
internal static class Samples
{
    public static double[] Draw(string name, int n, int seed)
    {
        var rng = new Random(seed);
        var d = Laws.Get(name);
        return d switch
        {
            GammaReference g => Gamma.Samples(rng, g.Shape, g.Rate).Take(n).ToArray(),
            BetaReference b => Beta.Samples(rng, b.A, b.B).Take(n).ToArray(),
            NormalReference z => Normal.Samples(rng, z.Mu, z.Sigma).Take(n).ToArray(),
            UniformReference u => ContinuousUniform.Samples(rng, u.Low, u.High).Take(n).ToArray(),
            _ => InverseTransformSampler.Sample(d, n, rng),
        };
    }

    /// <summary>Olkin-Liu pairs built from three MathNet Gamma streams.</summary>
    public static (double[] X, double[] Y) OlkinLiu(double a, double b, double c, int n, int seed)
    {
        var rng = new Random(seed);
        var xs = new double[n];
        var ys = new double[n];
        for (int i = 0; i < n; i++)
        {
            double u = Gamma.Sample(rng, a, 1), v = Gamma.Sample(rng, b, 1), w = Gamma.Sample(rng, c, 1);
            xs[i] = u / (u + w);
            ys[i] = v / (v + w);
        }

        return (xs, ys);
    }

    /// <summary>5G pairs from five MathNet Gamma streams.</summary>
    public static (double[] X, double[] Y) FiveGamma(double[] shapes, int n, int seed)
    {
        var rng = new Random(seed);
        var xs = new double[n];
        var ys = new double[n];
        for (int i = 0; i < n; i++)
        {
            var g = shapes.Select(s => Gamma.Sample(rng, s, 1)).ToArray();
            xs[i] = (g[0] + g[2]) / (g[0] + g[2] + g[3] + g[4]);
            ys[i] = (g[1] + g[3]) / (g[1] + g[3] + g[2] + g[4]);
        }

        return (xs, ys);
    }

    public static double SampleVariance(IReadOnlyList<double> v)
    {
        double m = v.Average();
        return v.Sum(x => (x - m) * (x - m)) / (v.Count - 1);
    }
}
