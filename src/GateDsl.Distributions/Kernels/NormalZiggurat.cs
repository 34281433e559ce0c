using System.Runtime.CompilerServices;
namespace GateDsl.Distributions.Kernels;

/// <summary>
/// Standard normal draws by the ziggurat method with 128 layers (Marsaglia &amp; Tsang, "The
/// Ziggurat Method for Generating Random Variables", J. Stat. Softw. 5(8), 2000), in the
/// double-precision form of Doornik ("An Improved Ziggurat Method to Generate Normal Random
/// Samples", 2005): a signed uniform u in (-1, 1) from 53 bits and the layer from 7 other bits of
/// the same 64-bit word. About 99% of draws take the rectangle branch (one multiply and compare);
/// the wedges and the tail (Marsaglia's exponential method beyond r) make the law exact.
/// </summary>
internal static class NormalZiggurat
{
    /// <summary>Layers of the ziggurat: a word's low 7 bits pick one.</summary>
    internal const int Layers = 128;
    private const double R = 3.442619855899;          // start of the tail
    private const double V = 9.91256303526217e-3;     // area of each layer

    private static readonly double[] X = BuildX();
    private static readonly double[] Ratio = BuildRatio(X);

    /// <summary>Right edge of each layer's rectangle (Layers + 1 values, the last 0).</summary>
    internal static ReadOnlySpan<double> LayerX => X;

    /// <summary>Ratio of each layer's width to the one below (Layers values): |u| below it lands in the rectangle.</summary>
    internal static ReadOnlySpan<double> LayerRatio => Ratio;

    /// <summary>One standard normal draw from <paramref name="stream"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Next(ref CounterStream stream)
    {
        while (true)
        {
            ulong bits = stream.NextBits();
            double u = 2.0 * ((bits >> 11) * (1.0 / 9007199254740992.0)) - 1.0; // [-1, 1)
            int layer = (int)(bits & (Layers - 1));
            if (Math.Abs(u) < Ratio[layer])
            {
                return u * X[layer];
            }

            if (layer == 0)
            {
                return Tail(ref stream, u < 0);
            }

            double x = u * X[layer];
            double f0 = Math.Exp(-0.5 * (X[layer] * X[layer] - x * x));
            double f1 = Math.Exp(-0.5 * (X[layer + 1] * X[layer + 1] - x * x));
            if (f1 + stream.NextUniformOpenZero() * (f0 - f1) < 1.0)
            {
                return x;
            }
        }
    }

    private static double Tail(ref CounterStream stream, bool negative)
    {
        double x, y;
        do
        {
            x = Math.Log(stream.NextUniformOpenZero()) / R;
            y = Math.Log(stream.NextUniformOpenZero());
        }
        while (-2.0 * y < x * x);

        return negative ? x - R : R - x;
    }

    private static double[] BuildX()
    {
        var x = new double[Layers + 1];
        double f = Math.Exp(-0.5 * R * R);
        x[0] = V / f; // the base layer's equivalent width (rectangle plus tail)
        x[1] = R;
        x[Layers] = 0;
        for (int i = 2; i < Layers; i++)
        {
            x[i] = Math.Sqrt(-2.0 * Math.Log(V / x[i - 1] + f));
            f = Math.Exp(-0.5 * x[i] * x[i]);
        }

        return x;
    }

    private static double[] BuildRatio(double[] x)
    {
        var r = new double[Layers];
        for (int i = 0; i < Layers; i++)
        {
            r[i] = x[i + 1] / x[i];
        }

        return r;
    }
}
