using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Distributions;

/// <summary>
/// Mean and variance of LogitNormal(mu, sigma) far in the tail, |mu| &gt; 20 sigma and |mu| &gt;= 20, where the
/// quadrature of <see cref="SigmoidMoments"/> loses its relative accuracy (the mean of LogitNormal(-2.0e6, 89393)
/// came out 0 for 1.628e-111: libtorch's ndtr is 0 beyond 8 standard deviations and off by 1.5e-5 at 7). Computed
/// for the reflected law, mu = -k &lt; 0 (the mean of mu &gt; 0 is 1 minus it, the variance is the same), with
/// X ~ N(-k, sigma^2), s = sigmoid. Normal tails are log Phi_c(y) = log(erfc(y / sqrt 2) / 2), which libtorch's erfc
/// gives to full relative precision. Float64 tensors in and out; differentiable.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Lognormal regime, sigma &lt;= 5 or k &gt;= 2 sigma^2 + 10 sigma: almost all the mass lies at X &lt; 0, where
/// s(x) = sum_n (-1)^(n+1) e^(n x), so E[s(X); X &lt; 0] = sum_n (-1)^(n+1) A_n with
/// A_n = E[e^(nX); X &lt; 0] = e^(-n k + n^2 sigma^2 / 2) Phi((k - n sigma^2)/sigma) and
/// E[s(X)^2; X &lt; 0] = sum_(n&gt;=2) (-1)^n (n - 1) A_n; eight terms. The part at X &gt; 0 and the terms after the eighth
/// are below e^-50 of the mean and of the variance there ((k/sigma - 2 sigma)^2 / 2 &gt;= 50). The variance is written
/// without cancellation: its leading terms A_2 - A_1^2 and 2 A_1 A_2 - 2 A_3 are formed as
/// e^(-2k + 2 sigma^2) (-expm1(-sigma^2) - c_2) + e^(-2k + sigma^2) c_1 (2 - c_1) and
/// -2 (e^(-3k + 9 sigma^2/2) (-expm1(-2 sigma^2) - c_3) + e^(-3k + 5 sigma^2/2) (c_1 + c_2 - c_1 c_2)),
/// c_n = 1 - A_n e^(n k - n^2 sigma^2/2).</item>
/// <item>Otherwise (sigma &gt; 5, 20 sigma &lt; k &lt; 2 sigma^2 + 10 sigma): with n the N(-k, sigma^2) density,
/// I_j^+ = int_0^inf s(-x)^j n(x) dx and I_j^- = int_0^inf s(-y)^j n(-y) dy,
/// E[s(X)] = Phi_c(k/sigma) - I_1^+ + I_1^- and E[s(X)^2] = Phi_c(k/sigma) - 2 I_1^+ + I_2^+ + I_2^-: each integral by
/// 16-point Gauss-Legendre on 20 panels of width 2 over [0, 40] (the integrands are analytic in a strip of
/// half-width pi and their log slope is below k/sigma^2 &lt; 4), and beyond 40, where s(-x)^j = e^(-jx) to 4e-18,
/// in closed form: e^(+-j k + j^2 sigma^2/2) Phi_c((40 +- k + j sigma^2)/sigma).</item>
/// </list>
/// Checked against mpmath at 60 digits (docs/validation.md).
/// </remarks>
internal static class LogitNormalTail
{
    private const int Terms = 8;
    private const double Reach = 40.0;
    private const int Panels = 20;


    /// <summary>Where the tail forms apply: |mu| &gt; 20 sigma and |mu| &gt;= 20.</summary>
    public static Tensor Applies(Tensor mu, Tensor sigma) => mu.abs().gt(20.0 * sigma).logical_and(mu.abs().ge(20.0));

    /// <summary>Mean and variance per element; meaningful where <see cref="Applies"/>, finite elsewhere.</summary>
    public static (Tensor Mean, Tensor Variance) Compute(Tensor mu, Tensor sigma, Tensor applies, long[] batchShape, Device device)
    {
        using var scope = torch.NewDisposeScope();
        var k0 = mu.abs();
        var lognormal = sigma.le(5.0).logical_or(k0.ge(2.0 * sigma.square() + 10.0 * sigma));
        var useSeries = applies.logical_and(lognormal);
        var usePanels = applies.logical_and(lognormal.logical_not());

        var (seriesMean, seriesVariance) = Series(torch.where(useSeries, k0, 40.0), torch.where(useSeries, sigma, 1.0));
        var (panelMean, panelVariance) = PanelMoments(torch.where(usePanels, k0, 200.0), torch.where(usePanels, sigma, 6.0), batchShape, device);
        var reflectedMean = torch.where(useSeries, seriesMean, panelMean);
        var variance = torch.where(useSeries, seriesVariance, panelVariance);
        var mean = torch.where(mu.gt(0.0), 1.0 - reflectedMean, reflectedMean);
        return (scope.MoveToOuter(mean), scope.MoveToOuter(variance));
    }

    /// <summary>log Phi_c(y) = log P(N &gt; y), to full relative precision for every y (erfc is relative-accurate; e^(-y^2/2) is not formed alone).</summary>
    private static Tensor LogUpperTail(Tensor y)
    {
        using var scope = torch.NewDisposeScope();
        // erfc(y / sqrt 2) is subnormal beyond y = 37.5; from 37 on log Phi_c is log phi(y) - log y + log(1 - 1/y^2 + 3/y^4 - 15/y^6 + 105/y^8),
        // whose next term, 945/y^10, is below 2e-13 there.
        var far = y.gt(37.0);
        var yn = torch.where(far, 0.0, y);
        var yf = torch.where(far, y, 37.0);
        var inv2 = yf.square().reciprocal();
        var series = (-0.5 * yf.square() - 0.5 * Math.Log(2 * Math.PI) - yf.log()) + (1.0 - inv2 * (1.0 - inv2 * (3.0 - inv2 * (15.0 - inv2 * 105.0)))).log();
        var direct = (0.5 * (yn / Math.Sqrt(2.0)).erfc()).log();
        return scope.MoveToOuter(torch.where(far, series, direct));
    }

    /// <summary>The lognormal regime (see the remarks).</summary>
    private static (Tensor Mean, Tensor Variance) Series(Tensor k, Tensor sigma)
    {
        using var scope = torch.NewDisposeScope();
        var s2 = sigma.square();
        var a = new Tensor[Terms + 1];
        var c = new Tensor[Terms + 1];
        for (var n = 1; n <= Terms; n++)
        {
            a[n] = (-n * k + 0.5 * n * n * s2 + LogUpperTail((n * s2 - k) / sigma)).exp();
            c[n] = LogUpperTail((k - n * s2) / sigma).exp();
        }

        Tensor AlternatingFrom(int first)
        {
            var sum = torch.zeros_like(k);
            for (var n = first; n <= Terms; n++)
            {
                sum = sum + (n % 2 == 1 ? 1.0 : -1.0) * a[n];
            }

            return sum;
        }

        var afterFirst = AlternatingFrom(2);
        var mean = a[1] + afterFirst;
        // e^(sigma^2) is folded into the exponentials so that it never overflows alone (sigma = 106 gave inf * 0 = NaN).
        var second = (-2.0 * k + 2.0 * s2).exp() * (-(-s2).expm1() - c[2]) + (-2.0 * k + s2).exp() * c[1] * (2.0 - c[1]);
        var third = -2.0 * ((-3.0 * k + 4.5 * s2).exp() * (-(-2.0 * s2).expm1() - c[3]) + (-3.0 * k + 2.5 * s2).exp() * (c[1] + c[2] - c[1] * c[2]));
        var rest = torch.zeros_like(k);
        for (var n = 4; n <= Terms; n++)
        {
            rest = rest + (n % 2 == 0 ? 1.0 : -1.0) * (n - 1) * a[n];
        }

        var variance = second + third + rest - afterFirst.square() - 2.0 * a[1] * AlternatingFrom(3);
        return (scope.MoveToOuter(mean), scope.MoveToOuter(variance.clamp_min(0.0)));
    }

    /// <summary>The wide regime (see the remarks).</summary>
    private static (Tensor Mean, Tensor Variance) PanelMoments(Tensor k, Tensor sigma, long[] batchShape, Device device)
    {
        using var scope = torch.NewDisposeScope();
        var (x, w) = GaussLegendrePanels.Rule(0.0, Reach / Panels, Panels, batchShape, device);
        var logSigmoidMinus = -(x.exp().log1p()); // log s(-x) for x >= 0
        var logNorm = -0.5 * Math.Log(2 * Math.PI) - sigma.log();

        Tensor Integral(int j, double side)
        {
            var z = (k + side * x) / sigma;
            var panel = (w * (j * logSigmoidMinus - 0.5 * z.square() + logNorm).exp()).expand([x.shape[0], .. batchShape]).sum(dim: 0L);
            var tail = (side * j * k + 0.5 * j * j * sigma.square() + LogUpperTail((Reach + side * k + j * sigma.square()) / sigma)).exp();
            return panel + tail;
        }

        var upper = LogUpperTail(k / sigma).exp();
        var plus1 = Integral(1, 1.0);
        var mean = upper - plus1 + Integral(1, -1.0);
        var second = upper - 2.0 * plus1 + Integral(2, 1.0) + Integral(2, -1.0);
        var variance = (second - mean.square()).clamp_min(0.0);
        return (scope.MoveToOuter(mean), scope.MoveToOuter(variance));
    }
}
