using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Forward(ReadOnlySpan<T> pre, ReadOnlySpan<T> cPrev, Span<T> c, Span<T> h, Span<T> saved, int hidden, int j0, int j1, StepRandom random)
    {
        double kl = 0;
        for (int b0 = j0; b0 < j1; b0 += Block)
        {
            kl += ForwardBlock(pre, cPrev, c, h, saved, hidden, b0, Math.Min(j1, b0 + Block), random);
        }

        return withKl ? kl : 0;
    }

    private const int Block = 256;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double ForwardBlock(ReadOnlySpan<T> pre, ReadOnlySpan<T> cPrev, Span<T> c, Span<T> h, Span<T> saved, int hidden, int j0, int j1, StepRandom random)
    {
        int n = j1 - j0;
        Span<double> alpha = stackalloc double[5 * Block];
        Span<double> psi = stackalloc double[5 * Block];
        Span<double> logG = stackalloc double[5 * Block];
        Span<double> dLog = stackalloc double[5 * Block];
        Span<double> sigmoidP = stackalloc double[5 * Block];
        // The series' remainder bound is rigorous: 1e-8 relative is below half an ulp of float32.
        double tolerance = typeof(T) == typeof(float) ? 1e-8 : 1e-16;
        double kl = 0;

        // Pass 1 (SIMD over the block): shapes alpha = softplus(p) + eps, sigmoid(p) = d alpha / d p,
        // psi(alpha), and with the prior the KL and its gradient (trigamma, log-gamma).
        int m = 5 * n;
        Span<double> scratch = stackalloc double[5 * Block];
        for (int k = 0; k < 5; k++)
        {
            for (int jj = 0; jj < n; jj++)
            {
                alpha[k * n + jj] = double.CreateTruncating(pre[k * hidden + j0 + jj]);
            }
        }

        var pd = alpha[..m];
        var expNeg = scratch[..m];
        TensorPrimitives.Abs(pd, expNeg);
        TensorPrimitives.Negate(expNeg, expNeg);
        TensorPrimitives.Exp(expNeg, expNeg);
        var log1p = sigmoidP[..m];
        TensorPrimitives.Add(expNeg, 1.0, log1p);
        TensorPrimitives.Log(log1p, log1p);
        for (int e = 0; e < m; e++)
        {
            double p = pd[e], en = expNeg[e];
            double softplus = Math.Max(p, 0) + log1p[e];
            sigmoidP[e] = p >= 0 ? 1.0 / (1.0 + en) : en / (1.0 + en);
            alpha[e] = softplus + Eps;
        }

        if (withKl)
        {
            var tri = scratch[..m];
            var logGamma = dLog[..m]; // free until pass 2
            VectorSpecialFunctions.DigammaTrigammaLogGamma(alpha[..m], psi[..m], tri, logGamma);
            for (int k = 0; k < 5; k++)
            {
                for (int jj = 0; jj < n; jj++)
                {
                    int e = k * n + jj;
                    double a = alpha[e];
                    kl += (a - PriorShape) * psi[e] - logGamma[e] + LogGammaPriorShape;
                    saved[(DKl + k) * hidden + j0 + jj] = T.CreateTruncating((a - PriorShape) * tri[e] * sigmoidP[e]);
                }
            }
        }
        else
        {
            VectorSpecialFunctions.Digamma(alpha[..m], psi[..m]);
        }

        // Pass 2: the draws and their implicit gradients; unit j's k-th Gamma uses counter RowBase + k HeadStride + j,
        // the same however the units are split.
        for (int k = 0; k < 5; k++)
        {
            var range = new Range(k * n, (k + 1) * n);
            StandardGammaKernel.SampleLog(alpha[range], psi[range], logG[range], dLog[range], random.Seed, random.RowBase + (ulong)k * random.HeadStride + (ulong)j0, tolerance);
        }

        // Pass 3: gates from the draws, the cell update, what backward needs.
        for (int jj = 0; jj < n; jj++)
        {
            int j = j0 + jj;
            double l1 = logG[jj], l2 = logG[n + jj], l3 = logG[2 * n + jj], l4 = logG[3 * n + jj], l5 = logG[4 * n + jj];
            double i, iBar, f, fBar, w1, w4, v2, v3;
            if (Math.Min(Math.Min(Math.Min(l1, l2), Math.Min(l3, l4)), l5) > -700)
            {
                // Every draw is a normal double: ratios of sums directly.
                double g1 = Math.Exp(l1), g2 = Math.Exp(l2), g3 = Math.Exp(l3), g4 = Math.Exp(l4), g5 = Math.Exp(l5);
                double n1 = g1 + g3, d1 = g4 + g5, n2 = g2 + g4, d2 = g3 + g5;
                i = n1 / (n1 + d1);
                iBar = d1 / (n1 + d1);
                f = n2 / (n2 + d2);
                fBar = d2 / (n2 + d2);
                w1 = g1 / n1;
                w4 = g4 / d1;
                v2 = g2 / n2;
                v3 = g3 / d2;
            }
            else
            {
                // Tiny shapes: i = sigmoid(A - B), A = lse(l1, l3), B = lse(l4, l5); f likewise.
                double a = LogSumExp(l1, l3, out w1);
                double b = LogSumExp(l4, l5, out w4);
                double cc = LogSumExp(l2, l4, out v2);
                double d = LogSumExp(l3, l5, out v3);
                i = Sigmoid(a - b);
                iBar = Sigmoid(b - a);
                f = Sigmoid(cc - d);
                fBar = Sigmoid(d - cc);
            }

            for (int k = 0; k < 5; k++)
            {
                saved[(DLogDraw + k) * hidden + j] = T.CreateTruncating(dLog[k * n + jj] * sigmoidP[k * n + jj]);
            }

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

        return kl;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
            dPre[j] = T.CreateTruncating(ShapeGradient(saved, hidden, j, 0, dl1, dKl));
            dPre[hidden + j] = T.CreateTruncating(ShapeGradient(saved, hidden, j, 1, dl2, dKl));
            dPre[2 * hidden + j] = T.CreateTruncating(ShapeGradient(saved, hidden, j, 2, dl3, dKl));
            dPre[3 * hidden + j] = T.CreateTruncating(ShapeGradient(saved, hidden, j, 3, dl4, dKl));
            dPre[4 * hidden + j] = T.CreateTruncating(ShapeGradient(saved, hidden, j, 4, dl5, dKl));
            dPre[5 * hidden + j] = T.CreateTruncating(dhj * tc * o * (1 - o));
            dPre[6 * hidden + j] = T.CreateTruncating(dcj * i * (1 - g * g));
            dc[j] = T.CreateTruncating(dcj * f);
        }
    }

    /// <summary>dL/dp_k = dL/d ln G_k * d ln G_k/dp_k (+ dL/dKL * dKL/dp_k with the prior).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double ShapeGradient(ReadOnlySpan<T> saved, int hidden, int j, int k, double dLogG, double dKl)
    {
        double grad = dLogG * double.CreateTruncating(saved[(DLogDraw + k) * hidden + j]);
        return withKl ? grad + dKl * double.CreateTruncating(saved[(DKl + k) * hidden + j]) : grad;
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
