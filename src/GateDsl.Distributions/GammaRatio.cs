using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Distributions;

/// <summary>
/// Ratios of sums of independent unit-rate Gammas, X = S_num / (S_num + S_den), for shapes outside
/// the fast path (<see cref="Sampling.FastLow"/>..<see cref="Sampling.FastHigh"/>): the Beta,
/// Olkin-Liu and five-Gamma samplers at tiny and huge shapes, in float64 whatever the dtype.
/// </summary>
/// <remarks>
/// Every Gamma is drawn boosted, log G = log G(a+1) + log(U)/a (exact in law for every a &gt; 0;
/// <c>_standard_gamma</c> returns a itself for a &gt;= 1e100, where the law's spread is below a
/// float64 spacing). At a = 1e-310 the term log(U)/a overflows, and at Beta(1e-310, 1e-310) both logs
/// are -inf although which of the two Gammas is larger (X = 1 with probability a / (a + b)) is well
/// defined. So the logs are scaled by s = min(1, smallest shape) (a constant: X does not depend on
/// it): L_k = s log B_k + (s / a_k) log U_k is finite, sums become scaled log-sum-exps
/// m + s log sum e^((L_k - m)/s), and X = sigmoid((N - D) / s), which may be +-inf inside the sigmoid
/// but never NaN. Gradients: a first pass without autograd finds the draws that saturate at the
/// dtype's ends and the Gammas that are negligible in their sum (weight below 1e-200); a second pass
/// replaces their inputs by safe values (shape 1, log B 0, log U -1) and drops the negligible Gammas
/// from their sums, so no local derivative on the gradient's path overflows (Saturation explains
/// why 0 times inf must be avoided, not masked). Saturated draws get gradient 0.
/// </remarks>
internal static class GammaRatio
{
    private const double NegligibleWeight = 1e-200;

    /// <summary>
    /// One draw per ratio, in <paramref name="dtype"/>, clamped to [tiny, 1 - eps] of the dtype.
    /// </summary>
    /// <param name="shapes">Shapes a_k, each expanded to the draw shape.</param>
    /// <param name="numerators">Per ratio, the indices k of the Gammas in its numerator sum.</param>
    /// <param name="denominators">Per ratio, the indices of the Gammas added to the numerator in its denominator.</param>
    /// <param name="dtype">Dtype of the result.</param>
    /// <param name="generator">Optional generator.</param>
    public static Tensor[] Draw(Tensor[] shapes, int[][] numerators, int[][] denominators, ScalarType dtype, Generator? generator)
    {
        using var scope = torch.NewDisposeScope();
        var a = shapes.Select(Precision.Wide).ToArray();
        var logB = a.Select(s => torch._standard_gamma(s + 1.0, generator).log()).ToArray();
        Tensor[] logU;
        using (torch.no_grad())
        {
            logU = a.Select(s => Sampling.LogUniform(s.shape, ScalarType.Float64, s.device, generator)).ToArray();
        }

        var (low, high) = (Sampling.Tiny(dtype), Sampling.OneMinusEps(dtype));
        var results = new Tensor[numerators.Length];
        for (var i = 0; i < numerators.Length; i++)
        {
            var members = numerators[i].Concat(denominators[i]).ToArray();
            var inNumerator = members.Select(k => numerators[i].Contains(k)).ToArray();
            var ma = members.Select(k => a[k]).ToArray();
            var mb = members.Select(k => logB[k]).ToArray();
            var mu = members.Select(k => logU[k]).ToArray();

            Tensor saturated;
            Tensor bound;
            Tensor[] negligible;
            using (torch.no_grad())
            {
                var (x, weights) = Evaluate(ma.Select(t => t.detach()).ToArray(), mb.Select(t => t.detach()).ToArray(), mu, inNumerator, null);
                saturated = x.le(low).logical_or(x.ge(high));
                bound = x.clamp(low, high);
                negligible = weights.Select(w => w.lt(NegligibleWeight)).ToArray();
            }

            var guard = negligible.Select(n => n.logical_or(saturated)).ToArray();
            var ga = ma.Select((t, j) => torch.where(guard[j], 1.0, t)).ToArray();
            var gb = mb.Select((t, j) => torch.where(guard[j], 0.0, t)).ToArray();
            var gu = mu.Select((t, j) => torch.where(guard[j], -1.0, t)).ToArray();
            var (value, _) = Evaluate(ga, gb, gu, inNumerator, negligible);
            var draw = torch.where(saturated, bound, value.clamp(low, high));
            results[i] = scope.MoveToOuter(Precision.Narrow(draw, dtype).clamp(low, high));
        }

        return results;
    }

    /// <summary>
    /// X and, per member, its weight within its own (numerator or denominator) sum. Members flagged in
    /// <paramref name="dropped"/> are left out of their sums (their inputs are then safe dummies).
    /// </summary>
    private static (Tensor X, Tensor[] Weights) Evaluate(Tensor[] a, Tensor[] logB, Tensor[] logU, bool[] inNumerator, Tensor[]? dropped)
    {
        using var scope = torch.NewDisposeScope();
        // The scale is a constant of the construction (X does not depend on it), so it carries no gradient.
        var s = a.Aggregate((Tensor)torch.ones_like(a[0]), (m, t) => torch.minimum(m, t.detach()));
        var l = a.Select((t, j) =>
        {
            var scaled = s * logB[j] + s / t * logU[j];
            return dropped is null ? scaled : torch.where(dropped[j], double.NegativeInfinity, scaled);
        }).ToArray();
        var (numerator, wn) = ScaledLogSumExp(l, s, inNumerator, true);
        var (denominator, wd) = ScaledLogSumExp(l, s, inNumerator, false);
        var x = torch.sigmoid((numerator - denominator) / s);
        var weights = l.Select((_, j) => scope.MoveToOuter(inNumerator[j] ? wn[j]! : wd[j]!)).ToArray();
        return (scope.MoveToOuter(x), weights);
    }

    /// <summary>s log sum_k e^(L_k / s) over the members on one side, and each member's weight e^(L_k/s) / sum.</summary>
    private static (Tensor Value, Tensor?[] Weights) ScaledLogSumExp(Tensor[] l, Tensor s, bool[] inNumerator, bool side)
    {
        var picked = Enumerable.Range(0, l.Length).Where(j => inNumerator[j] == side).ToArray();
        var weights = new Tensor?[l.Length];
        if (picked.Length == 1)
        {
            weights[picked[0]] = torch.ones_like(l[picked[0]]).detach();
            return (l[picked[0]], weights);
        }

        var max = picked.Select(j => l[j].detach()).Aggregate(torch.maximum);
        var terms = picked.Select(j => ((l[j] - max) / s).exp()).ToArray();
        var total = terms.Aggregate((x, y) => x + y);
        for (var i = 0; i < picked.Length; i++)
        {
            weights[picked[i]] = (terms[i] / total).detach();
        }

        return (max + s * total.log(), weights);
    }
}
