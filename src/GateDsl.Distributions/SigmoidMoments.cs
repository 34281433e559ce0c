using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Distributions;

/// <summary>
/// Mean and variance of X = sigmoid(c + d N) for a symmetric noise N with a smooth density: LogitNormal
/// (c = mu, d = sigma, N normal) and RelaxedBernoulli (c = logits / t, d = 1 / t, N logistic). Neither has
/// a closed form; each regime gets a representation whose integrand is smooth on the quadrature's
/// grid (<see cref="Quadrature"/>) and whose variance does not cancel. All in float64.
/// </summary>
/// <remarks>
/// c is first reflected to -|c| (X and 1 - X have the same variance, and the mean of the reflected law
/// m gives 1 - m), so the moments are computed for a law whose mass is not piled next to 1.
/// <list type="bullet">
/// <item>d &lt;= 1: the integrand is smooth in n on a scale 1/d &gt;= 1. The variance is E[(D - E D)^2] with
/// D(n) = sigmoid(c + d n) - sigmoid(c) = sinh(d n / 2) / (2 cosh((c + d n)/2) cosh(c/2)) in log space, so
/// at LogitNormal(0, 1e-20) it is not the difference of two numbers that agree to 40 digits. Below
/// d = 1e-8, D is its second-order Taylor form d n s' + (d n)^2 s''/2 (s = sigmoid(c); the error is
/// of order d^3, below 1e-24 relative), whose derivative in d does not overflow at d = 1e-310.</item>
/// <item>d &gt; 1: X is a step of width 1/d in n, so the roles swap: P(X &gt; u) ... gives
/// E[X] = P(L &lt; c + d N) = E_L[S_N((L - c)/d)] with L standard logistic and S_N the survival function of N,
/// and E[X^2] = P(max(L1, L2) &lt; c + d N) = E_M[S_N((M - c)/d)]; both integrands are smooth on a scale d.
/// The variance E[X^2] - E[X]^2 does not cancel here: after the reflection X is spread over a factor
/// e^d or more, so its variance is at least comparable to its squared mean.</item>
/// </list>
/// (L - c)/d is passed in as <c>dualScale</c> L - <c>dualShift</c> so that RelaxedBernoulli at t = 1e-310
/// (d = 1e310) never forms c or d.
/// </remarks>
internal static class SigmoidMoments
{
    private const double LinearBelow = 1e-8;

    /// <summary>Mean and variance per batch element.</summary>
    /// <param name="c">Location of the logit (used where <paramref name="smallSpread"/>).</param>
    /// <param name="d">Scale of the logit (used where <paramref name="smallSpread"/>).</param>
    /// <param name="dualScale">1/d (used elsewhere).</param>
    /// <param name="dualShift">c/d (used elsewhere).</param>
    /// <param name="smallSpread">Where d &lt;= 1.</param>
    /// <param name="density">Density of N.</param>
    /// <param name="survival">Survival function P(N &gt; n) of N.</param>
    /// <param name="batchShape">Batch shape of the result.</param>
    /// <param name="device">Device of the nodes.</param>
    public static (Tensor Mean, Tensor Variance) Compute(
        Tensor c, Tensor d, Tensor dualScale, Tensor dualShift, Tensor smallSpread,
        Func<Tensor, Tensor> density, Func<Tensor, Tensor> survival, long[] batchShape, Device device)
    {
        using var scope = torch.NewDisposeScope();
        var positive = torch.where(smallSpread, c, dualShift).gt(0.0);

        // d <= 1, on safe inputs elsewhere.
        var linear = smallSpread.logical_and(d.lt(LinearBelow));
        var sinh = smallSpread.logical_and(linear.logical_not());
        var cs = torch.where(smallSpread, -c.abs(), -1.0);
        var dl = torch.where(linear, d, 1e-9);
        var dh = torch.where(sinh, d, 0.5);
        var s = torch.sigmoid(cs);
        var slope = s * torch.sigmoid(-cs);
        var curvature = slope * (1.0 - 2.0 * s);
        Tensor Deviation(Tensor n)
        {
            var taylor = dl * n * slope + 0.5 * (dl * n).square() * curvature;
            var logD = LogAbsSinh(0.5 * dh * n) - SpecialFunctions.Ln2 - LogCosh(0.5 * (cs + dh * n)) - LogCosh(0.5 * cs);
            var exact = n.sign() * logD.exp();
            return torch.where(linear, taylor, exact);
        }

        var meanDeviation = Quadrature.Integrate(n => Deviation(n) * density(n), batchShape, device);
        var smallVariance = Quadrature.Integrate(n => (Deviation(n) - meanDeviation).square() * density(n), batchShape, device);
        var smallMean = s + meanDeviation;

        // d > 1, on safe inputs elsewhere.
        var ks = torch.where(smallSpread, 0.5, dualScale);
        var hs = torch.where(smallSpread, -1.0, -dualShift.abs());
        var largeMean = Quadrature.Integrate(l => survival(ks * l - hs) * Quadrature.LogisticDensity(l), batchShape, device);
        var largeSecond = Quadrature.Integrate(m => survival(ks * m - hs) * Quadrature.LogisticMaxDensity(m), batchShape, device);
        var largeVariance = (largeSecond - largeMean.square()).clamp_min(0.0);

        var reflectedMean = torch.where(smallSpread, smallMean, largeMean);
        var mean = torch.where(positive, 1.0 - reflectedMean, reflectedMean);
        var variance = torch.where(smallSpread, smallVariance, largeVariance);
        return (scope.MoveToOuter(mean), scope.MoveToOuter(variance));
    }

    /// <summary>log cosh(x) = |x| + log1p(e^(-2|x|)) - ln 2, without overflow.</summary>
    private static Tensor LogCosh(Tensor x)
    {
        using var scope = torch.NewDisposeScope();
        var a = x.abs();
        return scope.MoveToOuter(a + (-2.0 * a).exp().log1p() - SpecialFunctions.Ln2);
    }

    /// <summary>log |sinh(y)| = |y| + log(1 - e^(-2|y|)) - ln 2 for y != 0 (accurate for tiny y through log1mexp).</summary>
    private static Tensor LogAbsSinh(Tensor y)
    {
        using var scope = torch.NewDisposeScope();
        var a = y.abs();
        return scope.MoveToOuter(a + SpecialFunctions.Log1mExp(-2.0 * a) - SpecialFunctions.Ln2);
    }
}
