using GateDsl.Reference;
using MathNet.Numerics;
using MathNet.Numerics.Integration;

namespace GateDsl.Reference.Tests;

/// <summary>
/// Slow, direct computations that share no code path with the library's E[XY] methods: a 2-D
/// integral of the Olkin-Liu density written out here in logit coordinates, and for the 5G law a
/// tensor Gauss-Legendre rule over the three shared Gammas with the two conditional means inside.
/// </summary>
internal static class BruteForce
{
    /// <summary>E[h(X, Y)] for the Olkin-Liu law by nested adaptive 2-D quadrature in logit coordinates.</summary>
    public static double OlkinLiuExpectation(double a, double b, double c, Func<double, double, double> h, double sMax = double.NaN, double tMax = double.NaN)
    {
        double logNorm = SpecialFunctions.GammaLn(a) + SpecialFunctions.GammaLn(b) + SpecialFunctions.GammaLn(c) - SpecialFunctions.GammaLn(a + b + c);

        // Density of (S, T) = (logit X, logit Y): f(x, y) x (1-x) y (1-y), all logs from s and t directly.
        double Weight(double s, double t)
        {
            double lx = LogSigmoid(s), l1x = LogSigmoid(-s), ly = LogSigmoid(t), l1y = LogSigmoid(-t);
            double oneMinusXy = Sigmoid(-s) + Sigmoid(s) * Sigmoid(-t); // (1 - x) + x (1 - y), no cancellation
            double lf = (a - 1) * lx + (b - 1) * ly + (b + c - 1) * l1x + (a + c - 1) * l1y - logNorm - (a + b + c) * Math.Log(oneMinusXy);
            return Math.Exp(lf + lx + l1x + ly + l1y);
        }

        double lowS = -48 / a - 5, highS = double.IsNaN(sMax) ? 48 / Math.Min(b + c, c) + 5 : sMax;
        double lowT = -48 / b - 5, highT = double.IsNaN(tMax) ? 48 / Math.Min(a + c, c) + 5 : tMax;
        return Quadrature.Integrate(
            s => Quadrature.Integrate(t => Weight(s, t) * h(Sigmoid(s), Sigmoid(t)), lowT, highT, 1e-11),
            lowS, highS, 1e-11);
    }

    /// <summary>
    /// E[XY] of the 5G law: E over (G3, G4, G5) of E[X | G3, G4, G5] E[Y | G3, G4, G5], every Gamma
    /// integrated in log space with an n-point Gauss-Legendre rule between its 1e-13 and 1 - 1e-13
    /// quantiles. For shapes of at least 1 this converges to about 1e-8 at n = 48.
    /// </summary>
    public static double FiveGammaMeanXY(double a1, double a2, double a3, double a4, double a5, int n = 48)
    {
        var (x1, w1) = LogSpaceRule(a1, 64);
        var (x2, w2) = LogSpaceRule(a2, 64);
        var (x3, w3) = LogSpaceRule(a3, n);
        var (x4, w4) = LogSpaceRule(a4, n);
        var (x5, w5) = LogSpaceRule(a5, n);

        // E[(G + k) / (G + k + r)] for G with nodes gx, weights gw.
        static double RatioMean(double[] gx, double[] gw, double k, double r)
        {
            double s = 0;
            for (int i = 0; i < gx.Length; i++)
            {
                s += gw[i] * (gx[i] + k) / (gx[i] + k + r);
            }

            return s;
        }

        double total = 0;
        for (int i = 0; i < x3.Length; i++)
        {
            for (int j = 0; j < x4.Length; j++)
            {
                for (int k = 0; k < x5.Length; k++)
                {
                    double g3 = x3[i], g4 = x4[j], g5 = x5[k];
                    double ex = RatioMean(x1, w1, g3, g4 + g5);
                    double ey = RatioMean(x2, w2, g4, g3 + g5);
                    total += w3[i] * w4[j] * w5[k] * ex * ey;
                }
            }
        }

        return total;
    }

    /// <summary>Nodes (as Gamma values) and weights (summing to about 1) for E[h(G)], G ~ Ga(shape), in log space.</summary>
    private static (double[] Values, double[] Weights) LogSpaceRule(double shape, int n)
    {
        var g = new GammaReference(shape);
        double lo = Math.Log(g.Quantile(1e-13));
        double hi = Math.Log(g.Quantile(1 - 1e-13));
        var rule = new GaussLegendreRule(lo, hi, n);
        var values = new double[n];
        var weights = new double[n];
        for (int i = 0; i < n; i++)
        {
            double t = rule.Abscissas[i];
            values[i] = Math.Exp(t);
            weights[i] = rule.Weights[i] * Math.Exp(shape * t - values[i] - SpecialFunctions.GammaLn(shape));
        }

        return (values, weights);
    }

    private static double Sigmoid(double t) => t >= 0 ? 1 / (1 + Math.Exp(-t)) : Math.Exp(t) / (1 + Math.Exp(t));

    private static double LogSigmoid(double t) => t >= 0 ? -Math.Log(1 + Math.Exp(-t)) : t - Math.Log(1 + Math.Exp(t));
}
