using GateDsl.Compiler.Backends.TorchSharp.Fused;

namespace GateDsl.Compiler.Tests.Backend;

/// <summary>
/// The fused kernel's Gamma ratio over a block in SIMD lanes against its element-by-element code: a
/// block that mixes units whose sums are well above the floor (lanes) with units that need the
/// log-sum-exp path (underflowed draws, a sum at the floor, an infinite draw), inside the same vector
/// and in the tail past the last whole vector. Deterministic inputs, exact comparison: spends no budget.
/// </summary>
public sealed class GammaRatioLanesTests
{
    private const int Stride = 64;

    /// <summary>The units that need the logs: inside whole vectors at 4 or 8 lanes (others have none) and in the tail.</summary>
    private static readonly int[] Fallbacks = [5, 17, 29, 33];

    // Slots: ln-draws 0..3, draws 4..7; numerator g0 + g1, rest g2 + g3 (the 5G gates' shape).
    private static readonly KernelOp Ratio = new(KernelOpKind.Ratio, 8)
    {
        Numerator = [0, 1],
        Rest = [2, 3],
        NumeratorValues = [4, 5],
        RestValues = [6, 7],
    };

    [Theory]
    [InlineData(1e-30)]
    [InlineData(1e-280)]
    public void The_lanes_equal_the_element_code_on_every_unit(double floor)
    {
        // Not a multiple of any vector width, so the tail runs too.
        const int n = 4 * 8 + 3;
        var v = Values(n, floor);
        var o = new double[n];
        GammaRatioLanes.Forward(Ratio, v, Stride, n, floor, o, new double[n], new double[n]);
        var fallbacks = 0;
        for (var j = 0; j < n; j++)
        {
            Assert.Equal(GammaRatioLanes.ForwardAt(Ratio, v, Stride, j, floor), o[j]);
            var numerator = v[(4 * Stride) + j] + v[(5 * Stride) + j];
            var rest = v[(6 * Stride) + j] + v[(7 * Stride) + j];
            fallbacks += numerator > floor && rest > floor && double.IsFinite(numerator + rest) ? 0 : 1;
        }

        Assert.Equal(Fallbacks.Length, fallbacks);
        Assert.True(o.All(double.IsFinite), "a ratio of the test's draws is not finite");

        var a = Enumerable.Range(0, n).Select(j => Math.Sin(j + 1.5)).ToArray();
        var adj = Enumerable.Range(0, 9 * Stride).Select(k => 0.01 * (k % 7)).ToArray();
        var expected = (double[])adj.Clone();
        GammaRatioLanes.Backward(Ratio, a, v, adj, Stride, n, floor, new double[n], new double[n]);
        for (var j = 0; j < n; j++)
        {
            GammaRatioLanes.BackwardAt(Ratio, a, v, expected, Stride, j, floor);
        }

        Assert.Equal(expected, adj);
        Assert.True(adj.All(double.IsFinite), "an adjoint of the test's draws is not finite");
    }

    /// <summary>
    /// Draws from their logs: ordinary units, and at <see cref="Fallbacks"/> units whose draws
    /// underflow, whose rest is below the floor, or whose draw overflows.
    /// </summary>
    private static double[] Values(int n, double floor)
    {
        var v = new double[9 * Stride];
        for (var j = 0; j < n; j++)
        {
            for (var k = 0; k < 4; k++)
            {
                v[(k * Stride) + j] = Math.Sin((3.1 * j) + k) * 4;
            }

            switch (Array.IndexOf(Fallbacks, j))
            {
                case 0: // the numerator's draws underflow
                    v[j] = -800;
                    v[Stride + j] = -900;
                    break;
                case 1: // the rest below the floor
                    v[(2 * Stride) + j] = Math.Log(floor) - 1;
                    v[(3 * Stride) + j] = double.NegativeInfinity;
                    break;
                case 2: // a draw of the rest overflows
                    v[(3 * Stride) + j] = 720;
                    break;
                case 3: // both sums underflow
                    v[j] = v[Stride + j] = -750;
                    v[(2 * Stride) + j] = v[(3 * Stride) + j] = -751;
                    break;
            }

            for (var k = 0; k < 4; k++)
            {
                v[((k + 4) * Stride) + j] = Math.Exp(v[(k * Stride) + j]);
            }
        }
        return v;
    }
}
