using System.Numerics;
using GateDsl.Distributions.Kernels;

namespace GateDsl.Benchmarks.Prototypes;

/// <summary>
/// The paper's 5-Gamma cell (BBetaLSTM5G, PAPER.md) in training mode, as one per-unit kernel:
/// heads p1..p5, o, g; alpha_k = softplus(p_k) + 1e-3; G_k ~ Gamma(alpha_k, 1) drawn here
/// (<see cref="StandardGammaKernel"/>, ln G with its implicit gradient);
/// i = (G1 + G3) / (G1 + G3 + G4 + G5), f = (G2 + G4) / (G2 + G4 + G3 + G5) formed in log space
/// (sigmoid of a difference of log-sum-exps, as GateDsl.Distributions' BivariateBeta5 does);
/// c = f c_prev + i g, h = o tanh(c). With the prior, KL = sum_k (alpha_k - 0.5) psi(alpha_k)
/// - ln Gamma(alpha_k) + ln Gamma(0.5) per unit (PAPER.md), returned per row.
/// Per element all arithmetic is in double; only what is saved is rounded to T.
/// </summary>
public sealed class BBeta5GStep<T> : ISequenceStep<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private const double Eps = 1e-3;
    private const double PriorShape = 0.5;
    private const double LogGammaPriorShape = 0.57236494292470008707; // ln Gamma(0.5) = ln sqrt(pi)

    // Saved blocks: i, f, i(1-i), f(1-f), o, g, G1/(G1+G3), G4/(G4+G5), G2/(G2+G4), G3/(G3+G5),
    // d ln G_k / d p_k (5), and with the prior d KL / d p_k (5).
    private const int DLogDraw = 10;
    private const int DKl = 15;

    private readonly bool withKl;

    /// <summary>Creates the step; <paramref name="withKl"/> adds the Gamma(0.5, 1) prior's KL.</summary>
    public BBeta5GStep(bool withKl) => this.withKl = withKl;

    /// <inheritdoc/>
    public int Heads => 7;

    /// <inheritdoc/>
    public int SavedWidth => withKl ? 20 : 15;

    /// <inheritdoc/>
    public int MinUnitsPerChunk => 256;

    /// <inheritdoc/>
    public double Forward(ReadOnlySpan<T> pre, ReadOnlySpan<T> cPrev, Span<T> c, Span<T> h, Span<T> saved, int hidden, int j0, int j1, StepRandom random)
    {
        Span<double> logG = stackalloc double[5];
        double kl = 0;
        for (int j = j0; j < j1; j++)
        {
            var stream = new CounterStream(random.Seed, random.RowCounter + (ulong)j);
            for (int k = 0; k < 5; k++)
            {
                double p = double.CreateTruncating(pre[k * hidden + j]);
                double expNeg = Math.Exp(-Math.Abs(p));
                double softplus = Math.Max(p, 0) + Math.Log(1.0 + expNeg);
                double sigmoidP = p >= 0 ? 1.0 / (1.0 + expNeg) : expNeg / (1.0 + expNeg);
                double alpha = softplus + Eps;
                double psi;
                if (withKl)
                {
                    ScalarSpecialFunctions.DigammaTrigammaLogGamma(alpha, out psi, out double tri, out double logGamma);
                    kl += (alpha - PriorShape) * psi - logGamma + LogGammaPriorShape;
                    saved[(DKl + k) * hidden + j] = T.CreateTruncating((alpha - PriorShape) * tri * sigmoidP);
                }
                else
                {
                    psi = ScalarSpecialFunctions.Digamma(alpha);
                }

                logG[k] = StandardGammaKernel.SampleLog(alpha, psi, ref stream, out double dLog);
                saved[(DLogDraw + k) * hidden + j] = T.CreateTruncating(dLog * sigmoidP);
            }

            // i = sigmoid(A - B), A = lse(l1, l3), B = lse(l4, l5); f = sigmoid(C - D), C = lse(l2, l4), D = lse(l3, l5).
            double a = LogSumExp(logG[0], logG[2], out double w1);
            double b = LogSumExp(logG[3], logG[4], out double w4);
            double cc = LogSumExp(logG[1], logG[3], out double v2);
            double d = LogSumExp(logG[2], logG[4], out double v3);
            double i = Sigmoid(a - b), iBar = Sigmoid(b - a);
            double f = Sigmoid(cc - d), fBar = Sigmoid(d - cc);
            double o = Sigmoid(double.CreateTruncating(pre[5 * hidden + j]));
            double g = Math.Tanh(double.CreateTruncating(pre[6 * hidden + j]));
            double cNew = f * double.CreateTruncating(cPrev[j]) + i * g;
            c[j] = T.CreateTruncating(cNew);
            h[j] = T.CreateTruncating(o * Math.Tanh(cNew));
            saved[j] = T.CreateTruncating(i);
            saved[hidden + j] = T.CreateTruncating(f);
            saved[2 * hidden + j] = T.CreateTruncating(i * iBar);
            saved[3 * hidden + j] = T.CreateTruncating(f * fBar);
            saved[4 * hidden + j] = T.CreateTruncating(o);
            saved[5 * hidden + j] = T.CreateTruncating(g);
            saved[6 * hidden + j] = T.CreateTruncating(w1);
            saved[7 * hidden + j] = T.CreateTruncating(w4);
            saved[8 * hidden + j] = T.CreateTruncating(v2);
            saved[9 * hidden + j] = T.CreateTruncating(v3);
        }

        return withKl ? kl : 0;
    }

    /// <inheritdoc/>
    public void Backward(ReadOnlySpan<T> saved, ReadOnlySpan<T> cPrev, ReadOnlySpan<T> c, ReadOnlySpan<T> dh, Span<T> dc, double dKl, Span<T> dPre, int hidden, int j0, int j1)
    {
        for (int j = j0; j < j1; j++)
        {
            double i = double.CreateTruncating(saved[j]);
            double f = double.CreateTruncating(saved[hidden + j]);
            double si = double.CreateTruncating(saved[2 * hidden + j]);
            double sf = double.CreateTruncating(saved[3 * hidden + j]);
            double o = double.CreateTruncating(saved[4 * hidden + j]);
            double g = double.CreateTruncating(saved[5 * hidden + j]);
            double w1 = double.CreateTruncating(saved[6 * hidden + j]);
            double w4 = double.CreateTruncating(saved[7 * hidden + j]);
            double v2 = double.CreateTruncating(saved[8 * hidden + j]);
            double v3 = double.CreateTruncating(saved[9 * hidden + j]);
            double tc = Math.Tanh(double.CreateTruncating(c[j]));
            double dhj = double.CreateTruncating(dh[j]);
            double dcj = double.CreateTruncating(dc[j]) + dhj * o * (1 - tc * tc);
            double dA = dcj * g * si;                             // dL/d(A - B)
            double dC = dcj * double.CreateTruncating(cPrev[j]) * sf; // dL/d(C - D)
            double dl1 = dA * w1;
            double dl2 = dC * v2;
            double dl3 = dA * (1 - w1) - dC * v3;
            double dl4 = -dA * w4 + dC * (1 - v2);
            double dl5 = -dA * (1 - w4) - dC * (1 - v3);
            Span<double> dl = [dl1, dl2, dl3, dl4, dl5];
            for (int k = 0; k < 5; k++)
            {
                double grad = dl[k] * double.CreateTruncating(saved[(DLogDraw + k) * hidden + j]);
                if (withKl)
                {
                    grad += dKl * double.CreateTruncating(saved[(DKl + k) * hidden + j]);
                }

                dPre[k * hidden + j] = T.CreateTruncating(grad);
            }

            dPre[5 * hidden + j] = T.CreateTruncating(dhj * tc * o * (1 - o));
            dPre[6 * hidden + j] = T.CreateTruncating(dcj * i * (1 - g * g));
            dc[j] = T.CreateTruncating(dcj * f);
        }
    }

    private static double Sigmoid(double x) => x >= 0 ? 1.0 / (1.0 + Math.Exp(-x)) : Math.Exp(x) / (1.0 + Math.Exp(x));

    /// <summary>ln(e^x + e^y) and the weight e^x / (e^x + e^y).</summary>
    private static double LogSumExp(double x, double y, out double weightOfX)
    {
        double m = Math.Max(x, y);
        double ex = Math.Exp(x - m), ey = Math.Exp(y - m);
        double s = ex + ey;
        weightOfX = ex / s;
        return m + Math.Log(s);
    }
}
