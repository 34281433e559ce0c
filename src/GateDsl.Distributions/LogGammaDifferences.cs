using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Distributions;

/// <summary>
/// Differences of lgamma at nearby points, without the cancellation of subtracting two large
/// lgamma values: at x = 1e8, lgamma(x) = 1.7e9 has a float64 spacing of 2.4e-7, more than the whole
/// difference lgamma(x + 1e-8) - lgamma(x) = 1.8e-7 that a Kumaraswamy(1e8, 1e8) mean needs. When the
/// step is small against x (|h| &lt;= x/8, x &gt;= 1) each difference is its Taylor series in h with
/// polygamma coefficients (17 terms: the k-th term is below (1/8)^(k-1) / k of the first, so the
/// truncation is below 2e-16 relative); otherwise the difference is computed directly, where the
/// values are at most about 128 ln x times the result (at most 3.4 digits lost at x = 1e8).
/// Callers pass float64 tensors.
/// </summary>
internal static class LogGammaDifferences
{
    private const int Terms = 17;

    /// <summary>lgamma(x + h) - lgamma(x) for x &gt;= 1, x + h &gt; 0.</summary>
    public static Tensor Difference(Tensor x, Tensor h)
        => Blend(x, h, 8.0, (xs, hs) => Taylor(xs, hs, 0, 1, _ => 1.0), (xd, hd) => (xd + hd).lgamma() - xd.lgamma());

    /// <summary>
    /// D(x, y) = lgamma(y) - lgamma(x) - (y - x) psi(x) &gt;= 0 for x, y &gt; 0: the Bregman divergence of
    /// lgamma, out of which the Gamma and Beta KL divergences are built. Both ends are passed, not x and
    /// the step y - x: when y is hundreds of decades below x (x = 9.5e6, y = 4.6e-104) the step rounds to
    /// -x and x + (y - x) to 0, whose lgamma is +inf (the KL came out inf - inf = NaN). Below x = 1 it
    /// shifts once by lgamma(x) = lgamma(x + 1) - log x, which adds y/x - 1 - log(y/x)
    /// (<see cref="SpecialFunctions.ItakuraSaito"/>). +inf where that term overflows (x subnormal and
    /// y/x beyond 1.8e308: the divergence itself exceeds the float64 range), never NaN.
    /// </summary>
    public static Tensor Bregman(Tensor x, Tensor y)
    {
        using var scope = torch.NewDisposeScope();
        var h = y - x;
        var low = x.lt(1.0);
        var shifted = torch.where(low, x + 1.0, x);
        var shiftedY = torch.where(low, y + 1.0, y);
        // As Blend (series where |h| <= x/8), but the direct form reads lgamma at the given end y.
        var useSeries = h.abs().le(shifted / 8.0);
        var series = Taylor(torch.where(useSeries, shifted, 1.0), torch.where(useSeries, h, 0.0), 0, 2, _ => 1.0);
        var xd = torch.where(useSeries, 2.0, shifted);
        var yd = torch.where(useSeries, 3.0, shiftedY);
        var hd = torch.where(useSeries, 1.0, h);
        var atOne = torch.where(useSeries, series, yd.lgamma() - xd.lgamma() - hd * xd.digamma());
        var safeX = torch.where(low, x, 1.0);
        var safeY = torch.where(low, y, 1.0);
        var shift = torch.where(low, SpecialFunctions.ItakuraSaito(safeX, safeY), 0.0);
        return scope.MoveToOuter(atOne + shift);
    }

    /// <summary>lgamma(x + 2h) - 2 lgamma(x + h) + lgamma(x) &gt;= 0 for x &gt;= 1, x + 2h &gt; 0, x + h &gt; 0.</summary>
    public static Tensor SecondDifference(Tensor x, Tensor h) => SecondDifferenceOfDerivative(0, x, h);

    /// <summary>
    /// The second difference f(x + 2h) - 2 f(x + h) + f(x) of the order-th derivative of lgamma (order 0:
    /// lgamma, 1: digamma, 2: trigamma, ...), for x &gt;= 1, x + h &gt; 0, x + 2h &gt; 0.
    /// </summary>
    public static Tensor SecondDifferenceOfDerivative(int order, Tensor x, Tensor h)
    {
        Tensor F(Tensor y) => order == 0 ? y.lgamma() : SpecialFunctions.Polygamma(order - 1, y);
        return Blend(x, h, 16.0,
            (xs, hs) => Taylor(xs, hs, order, 2, k => Math.Pow(2, k) - 2),
            (xd, hd) => F(xd + 2.0 * hd) - 2.0 * F(xd + hd) + F(xd));
    }

    /// <summary>
    /// sum_{k=first..Terms} psi^(k-1+order)(x) h^k c(k) / k!: the Taylor series of the order-th derivative
    /// of lgamma, with the step's coefficient c(k) (1 for a difference, 2^k - 2 for a second difference).
    /// </summary>
    private static Tensor Taylor(Tensor x, Tensor h, int order, int first, Func<int, double> c)
    {
        using var scope = torch.NewDisposeScope();
        Tensor sum = torch.zeros_like(x + h);
        var factorial = 1.0;
        for (var k = 1; k <= Terms; k++)
        {
            factorial *= k;
            if (k < first)
            {
                continue;
            }

            sum = sum + SpecialFunctions.Polygamma(k - 1 + order, x) * h.pow(k) * (c(k) / factorial);
        }

        return scope.MoveToOuter(sum);
    }

    /// <summary>The series where |h| &lt;= x / ratio and x &gt;= 1, the direct form elsewhere, each on safe inputs.</summary>
    private static Tensor Blend(Tensor x, Tensor h, double ratio, Func<Tensor, Tensor, Tensor> series, Func<Tensor, Tensor, Tensor> direct)
    {
        using var scope = torch.NewDisposeScope();
        var useSeries = h.abs().le(x / ratio).logical_and(x.ge(1.0));
        var xs = torch.where(useSeries, x, 1.0);
        var hs = torch.where(useSeries, h, 0.0);
        var xd = torch.where(useSeries, 2.0, x);
        var hd = torch.where(useSeries, 1.0, h);
        var result = torch.where(useSeries, series(xs, hs), direct(xd, hd));
        return scope.MoveToOuter(result);
    }
}
