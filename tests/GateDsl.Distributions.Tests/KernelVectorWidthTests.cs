using GateDsl.Distributions.Kernels;

namespace GateDsl.Distributions.Tests;

/// <summary>
/// The kernels run at the widest vectors the runtime accelerates (512 bits with AVX-512, else
/// <see cref="System.Numerics.Vector{T}"/>): every lane function must give bit-identical values at
/// both widths, or a seed's draws and gradients would depend on the processor. Both widths run here
/// whatever the processor (the runtime emulates 512-bit vectors where it has no AVX-512). Deterministic.
/// </summary>
public sealed class KernelVectorWidthTests
{
    private const int N = 1000; // not a multiple of 8: the padded last vector is compared too

    [Fact]
    public void Gamma_gradient_series_is_the_same_at_both_widths()
    {
        var rng = new Random(11);
        var alpha = Enumerable.Range(0, N).Select(_ => Math.Exp((rng.NextDouble() * 12) - 6)).ToArray();
        var logX = Enumerable.Range(0, N).Select(i => Math.Log(alpha[i]) + (rng.NextDouble() * 4) - 2).ToArray();
        var x = logX.Select(Math.Exp).ToArray();
        var psi = alpha.Select(ScalarSpecialFunctions.Digamma).ToArray();
        var narrow = new double[N];
        var wide = new double[N];
        foreach (var tolerance in new[] { 1e-8, 1e-16 })
        {
            GammaShapeDerivative.OfDraw<VectorLanes>(alpha, x, logX, psi, narrow, tolerance);
            GammaShapeDerivative.OfDraw<Vector512Lanes>(alpha, x, logX, psi, wide, tolerance);
            AssertIdentical(narrow, wide, $"series at tolerance {tolerance}");
        }
    }

    [Fact]
    public void Special_functions_log_and_exp_are_the_same_at_both_widths()
    {
        var rng = new Random(12);

        // Shapes on [1, 2] (the rational approximation), around it, and far from it, mixed within vectors.
        var x = Enumerable.Range(0, N).Select(i => (i % 3) switch
        {
            0 => 1.0 + rng.NextDouble(),
            1 => Math.Exp((rng.NextDouble() * 20) - 10),
            _ => 0.5 + (2 * rng.NextDouble()),
        }).ToArray();
        Compare<VectorSpecialFunctions.DigammaFunction>(x, "digamma");
        Compare<LaneMath.LogFunction>(x, "log");
        Compare<LaneMath.ExpFunction>(x.Select(v => Math.Log(v) * 30).ToArray(), "exp");

        var (narrow, wide) = (new double[3][], new double[3][]);
        for (int k = 0; k < 3; k++)
        {
            (narrow[k], wide[k]) = (new double[N], new double[N]);
        }

        VectorSpecialFunctions.DigammaTrigammaLogGamma<VectorLanes>(x, narrow[0], narrow[1], narrow[2]);
        VectorSpecialFunctions.DigammaTrigammaLogGamma<Vector512Lanes>(x, wide[0], wide[1], wide[2]);
        AssertIdentical(narrow[0], wide[0], "digamma of the KL triple");
        AssertIdentical(narrow[1], wide[1], "trigamma");
        AssertIdentical(narrow[2], wide[2], "log-gamma");

        // Lane independence: an element among mixed neighbours gets what it gets among copies of itself.
        for (int i = 0; i < 60; i++)
        {
            var alone = Enumerable.Repeat(x[i], 8).ToArray();
            var (d, t, l) = (new double[8], new double[8], new double[8]);
            VectorSpecialFunctions.DigammaTrigammaLogGamma(alone, d, t, l);
            Assert.True(d[0] == narrow[0][i] && t[0] == narrow[1][i] && l[0] == narrow[2][i], $"x = {x[i]:R}: among mixed lanes ({narrow[0][i]:R}, {narrow[1][i]:R}, {narrow[2][i]:R}), alone ({d[0]:R}, {t[0]:R}, {l[0]:R})");
        }
    }

    private static void Compare<TFunction>(double[] x, string what)
        where TFunction : LaneMath.ILaneFunction
    {
        var narrow = new double[x.Length];
        var wide = new double[x.Length];
        LaneMath.Map<TFunction, VectorLanes>(x, narrow, 1.0);
        LaneMath.Map<TFunction, Vector512Lanes>(x, wide, 1.0);
        AssertIdentical(narrow, wide, what);
    }

    private static void AssertIdentical(double[] narrow, double[] wide, string what)
    {
        for (int i = 0; i < narrow.Length; i++)
        {
            Assert.True(BitConverter.DoubleToInt64Bits(narrow[i]) == BitConverter.DoubleToInt64Bits(wide[i]), $"{what}, element {i}: {VectorLanes.Count} lanes {narrow[i]:R}, {Vector512Lanes.Count} lanes {wide[i]:R}");
        }
    }
}
