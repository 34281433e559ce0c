using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Distributions;

/// <summary>
/// R = E[log(1 - X) + W + log a] for X ~ Kumaraswamy(a, b), W = -log(1 - X^a) ~ Exp(b): the part of
/// E[log(1 - X)] = R - 1/b - log a that the Kumaraswamy || Beta KL needs once its 1/b terms are cancelled by
/// hand (<see cref="KlDivergence"/>). The integrand g(W) = log(1 - X) + W + log a is bounded: it tends to 0
/// as W grows (log(1 - X) = -W - log a + o(1) there), so no 1/b of 1e25 is ever formed and subtracted.
/// Float64 tensors in, float64 out; differentiable.
/// </summary>
/// <remarks>
/// With W* = -log a, g falls from about W - W* to 0 across W = W* on a width of order 1 in W. Where
/// W* &lt; 8 (a &gt; 3.4e-4) that step is at most 8 wide in t = log(b W), and the midpoint rule over t
/// (<see cref="Quadrature"/>, step 1/16, density e^(t - e^t)) resolves it (checked against mpmath at 50
/// digits in docs/validation.md). For smaller a the step is 1/W* wide in t, narrower than the grid (at
/// a = 1e-38 the old form of this quadrature was off by 2^30 in float32). There, exactly in float64,
/// g = W - W* below W* - 8 (X &lt; e^-2981 rounds log(1 - X) to 0), so
/// R = E[min(W - W*, 0)] + E[e(W)] with e = g - min(W - W*, 0): the first term in closed form,
/// -W* (x + expm1(-x))/x with x = b W*, the second by 16-point Gauss-Legendre on 20 panels of width 2
/// over W in [W* - 8, W* + 32] (e is analytic in a strip of half-width pi/2 on each side of W*, where
/// the panels meet; beyond W* + 32 it is below 1e-14).
/// </remarks>
internal static class KumaraswamyExcess
{
    /// <summary>Below a = e^-8 the panels replace the grid.</summary>
    private const double PanelsFrom = 8.0;

    private const int Panels = 20;
    private const double PanelWidth = 2.0;


    /// <summary>R per batch element, for float64 a, b &gt; 0 broadcast to <paramref name="batchShape"/>.</summary>
    public static Tensor Expectation(Tensor logA, Tensor b, long[] batchShape, Device device)
    {
        using var scope = torch.NewDisposeScope();
        var wStar = -logA;
        var panels = wStar.ge(PanelsFrom).expand(batchShape);
        var logB = b.log();

        var gridLogA = torch.where(panels, 0.0, logA);
        var grid = Quadrature.Integrate(
            t => Integrand((t - logB).clamp_max(700.0).exp(), gridLogA) * (t - t.exp()).exp(), batchShape, device);

        var panelWStar = torch.where(panels, wStar, PanelsFrom);
        var x = b * panelWStar;
        var smallX = x.lt(1e-3);
        var xs = torch.where(smallX, x, 0.0);
        var xl = torch.where(smallX, 1.0, x);
        var rampFraction = torch.where(smallX, xs * (0.5 - xs * (1.0 / 6 - xs * (1.0 / 24 - xs / 120))), (xl + (-xl).expm1()) / xl);
        var ramp = -panelWStar * rampFraction;
        var step = PanelSum(panelWStar, -panelWStar, b, logB, batchShape, device);

        return scope.MoveToOuter(torch.where(panels, ramp + step, grid));
    }

    /// <summary>
    /// g(W) = log(1 - X) + W + log a, finite for every W &gt; 0: with m = log(-log1mexp(-W)) + W &gt;= 0 (0.5 e^-W
    /// from W = 20 on, exact to e^-2W) and l = log(-log X) = m - W - log a, it is m - e^l / 2 where l &lt; -18
    /// (log(1 - X) = l - e^l/2 + O(e^2l)), log1mexp(-e^l) + W + log a elsewhere.
    /// </summary>
    private static Tensor Integrand(Tensor w, Tensor logA)
    {
        using var scope = torch.NewDisposeScope();
        var (m, l) = LogMinusLogX(w, logA);
        var tiny = l.lt(-18.0);
        var lt = torch.where(tiny, l, -18.0);
        var lm = torch.where(tiny, 0.0, l);
        var result = torch.where(tiny, m - 0.5 * lt.exp(), LogOneMinusX(lm) + w + logA);
        return scope.MoveToOuter(result);
    }

    /// <summary>(m, l) of <see cref="Integrand"/>.</summary>
    private static (Tensor M, Tensor L) LogMinusLogX(Tensor w, Tensor logA)
    {
        var large = w.ge(20.0);
        var wl = torch.where(large, w, 20.0);
        var ws = torch.where(large, 1.0, w);
        var m = torch.where(large, 0.5 * (-wl).exp(), (-SpecialFunctions.Log1mExp(-ws)).log() + ws);
        return (m, m - w - logA);
    }

    /// <summary>log(1 - X) = log1mexp(-e^l) from l = log(-log X); l is capped at 700, where it is 0 anyway.</summary>
    private static Tensor LogOneMinusX(Tensor l) => SpecialFunctions.Log1mExp(-l.clamp_max(700.0).exp());

    /// <summary>
    /// E[e(W)] = sum over the panels of int b e^(-b W) e(W) dW with e = log(1 - X) below W* and g above
    /// (each computed directly, so neither subtracts the ramp it does not contain).
    /// </summary>
    private static Tensor PanelSum(Tensor wStar, Tensor logA, Tensor b, Tensor logB, long[] batchShape, Device device)
    {
        using var scope = torch.NewDisposeScope();
        var (s, weight) = GaussLegendrePanels.Rule(-PanelsFrom, PanelWidth, Panels, batchShape, device);
        var w = wStar + s;
        var (_, l) = LogMinusLogX(w, logA);
        var below = s.lt(0.0);
        var e = torch.where(below, LogOneMinusX(torch.where(below, l, 0.0)), Integrand(w, logA));
        var density = (logB - b * w).exp();
        var sum = (weight * density * e).expand([s.shape[0], .. batchShape]).sum(dim: 0L);
        return scope.MoveToOuter(sum);
    }
}
