using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Distributions;

/// <summary>
/// Special functions on tensors in forms that neither cancel nor overflow. Callers pass float64
/// tensors (see <see cref="Precision"/>); every function is differentiable and gives no NaN value or
/// gradient on its stated domain: where two branches are needed, each branch is evaluated on inputs
/// that are safe for it (the double-where idiom), so the branch not taken cannot poison the gradient.
/// </summary>
internal static class SpecialFunctions
{
    /// <summary>Euler-Mascheroni constant.</summary>
    public const double EulerGamma = 0.57721566490153286061;

    /// <summary>ln 2.</summary>
    public const double Ln2 = 0.69314718055994530942;

    /// <summary>log B(a, b) = lgamma(a) + lgamma(b) - lgamma(a + b).</summary>
    public static Tensor LogBeta(Tensor a, Tensor b) => a.lgamma() + b.lgamma() - (a + b).lgamma();

    /// <summary>
    /// log(1 - e^x) for x &lt;= 0 (Maechler 2012, "Accurately computing log(1 - exp(-|a|))"):
    /// log(-expm1(x)) for x &gt; -ln 2, where e^x is close to 1, and log1p(-e^x) below, where it is
    /// small. Either form alone loses every digit in the other's range (log(-expm1(x)) is -inf once
    /// e^x underflows; log1p(-e^x) rounds 1 - e^x near x = 0). x = 0 gives -inf, x = -inf gives 0.
    /// </summary>
    public static Tensor Log1mExp(Tensor x)
    {
        using var scope = torch.NewDisposeScope();
        var near = x.gt(-Ln2);
        var nearX = torch.where(near, x, -1.0);
        var farX = torch.where(near, -1.0, x);
        var result = torch.where(near, (-nearX.expm1()).log(), (-farX.exp()).log1p());
        return scope.MoveToOuter(result);
    }

    /// <summary>
    /// log(1 - x^a) for x in (0, 1) given log x &lt; 0 and a &gt; 0: <see cref="Log1mExp"/>(a log x), except
    /// where a log x is so small that it may underflow (|a log x| &lt; 1e-8; at a = 1e-310 and
    /// x = 1 - 2^-53 it is 1e-326), where log(1 - x^a) = log a + log(-log x) - a log x / 2 + O((a log x)^2).
    /// </summary>
    public static Tensor LogOneMinusPow(Tensor logX, Tensor a)
    {
        using var scope = torch.NewDisposeScope();
        var y = a * logX;
        var tiny = y.abs().lt(1e-8);
        var ys = torch.where(tiny, -1.0, y);
        var at = torch.where(tiny, a, 1.0);
        var lt = torch.where(tiny, logX, -1.0);
        var small = at.log() + (-lt).log() - 0.5 * at * lt;
        var result = torch.where(tiny, small, Log1mExp(ys));
        return scope.MoveToOuter(result);
    }

    /// <summary>
    /// log(1 - x) for x in (0, 1) given x and c = 1 - x: log1p(-x) below 1/2, where c has lost x's
    /// low digits, and log(c) above, where c = 1 - x is exact (Sterbenz) and x has lost c's.
    /// </summary>
    public static Tensor LogComplement(Tensor x, Tensor c)
    {
        using var scope = torch.NewDisposeScope();
        var low = x.lt(0.5);
        var result = torch.where(low, (-torch.where(low, x, 0.5)).log1p(), torch.where(low, 0.5, c).log());
        return scope.MoveToOuter(result);
    }

    /// <summary>
    /// u - log1p(u) &gt;= 0 for u &gt; -1 without cancellation: its Taylor series
    /// sum_k&gt;=2 (-u)^k / k (twelve terms, relative error below 1e-16) for |u| &lt; 0.05, directly above.
    /// </summary>
    public static Tensor MinusLog1pPlusX(Tensor u)
    {
        using var scope = torch.NewDisposeScope();
        var small = u.abs().lt(0.05);
        var us = torch.where(small, u, 0.0);
        var ud = torch.where(small, 1.0, u);
        Tensor series = torch.zeros_like(us);
        var power = us * us;
        for (var k = 2; k <= 13; k++)
        {
            series = series + (k % 2 == 0 ? 1.0 : -1.0) * power / k;
            power = power * us;
        }

        var result = torch.where(small, series, ud - ud.log1p());
        return scope.MoveToOuter(result);
    }

    /// <summary>
    /// log(y / x) for x, y &gt; 0: log1p((y - x) / x) where y is within half of x (no rounding of the ratio
    /// near 1), log y - log x elsewhere, so a ratio beyond the float64 range (y = 1e-300, x = 1e100) is
    /// still finite.
    /// </summary>
    public static Tensor LogRatio(Tensor x, Tensor y)
    {
        using var scope = torch.NewDisposeScope();
        var u = (y - x) / x;
        var near = u.abs().le(0.5);
        var result = torch.where(near, torch.where(near, u, 0.0).log1p(), y.log() - x.log());
        return scope.MoveToOuter(result);
    }

    /// <summary>
    /// The Itakura-Saito divergence y/x - 1 - log(y/x) &gt;= 0 for x, y &gt; 0, written as u - log1p(u) with
    /// u = (y - x)/x: <see cref="MinusLog1pPlusX"/> where y is within half of x, u - <see cref="LogRatio"/>
    /// elsewhere. Finite whenever u is (at y = 1e-104, x = 1e-77, u rounds to -1 and log1p(u) to -inf; the
    /// value is 58.8); +inf where u overflows (x subnormal, y of order one), never NaN.
    /// </summary>
    public static Tensor ItakuraSaito(Tensor x, Tensor y)
    {
        using var scope = torch.NewDisposeScope();
        var u = (y - x) / x;
        var near = u.abs().le(0.5);
        var result = torch.where(near, MinusLog1pPlusX(torch.where(near, u, 0.0)), torch.where(near, 0.0, u) - LogRatio(x, y));
        return scope.MoveToOuter(result);
    }

    /// <summary>
    /// The trigamma function psi'(x), x &gt; 0. libtorch's trigamma is off by 5e-10 relative at x = 1
    /// (measured against mpmath), more than the moments and KL built on it may lose, so it is computed
    /// here: psi'(x) = sum_{k&lt;20} 1/(x+k)^2 + psi'(x + 20), the last by its asymptotic series
    /// 1/y + 1/(2y^2) + sum B_2j / y^(2j+1) (seven terms, relative error below 1e-17 for y &gt;= 20).
    /// </summary>
    public static Tensor Trigamma(Tensor x)
    {
        using var scope = torch.NewDisposeScope();
        Tensor sum = torch.zeros_like(x);
        for (var k = 0; k < Shift; k++)
        {
            sum = sum + (x + k).square().reciprocal();
        }

        var y = x + Shift;
        var inv = y.reciprocal();
        var inv2 = inv * inv;
        // B_2 = 1/6, B_4 = -1/30, B_6 = 1/42, B_8 = -1/30, B_10 = 5/66, B_12 = -691/2730, B_14 = 7/6.
        var tail = inv2 * (1.0 / 6 + inv2 * (-1.0 / 30 + inv2 * (1.0 / 42 + inv2 * (-1.0 / 30 + inv2 * (5.0 / 66 + inv2 * (-691.0 / 2730 + inv2 * 7.0 / 6))))));
        var result = sum + inv + 0.5 * inv2 + inv * tail;
        return scope.MoveToOuter(result);
    }

    /// <summary>
    /// psi^(n)(x) for n &gt;= 0: digamma and trigamma as above, higher orders from libtorch's polygamma
    /// (within 1e-15 relative of mpmath for n = 2..15 at x = 1, 1.5, 8, 1e3, 1e8).
    /// </summary>
    public static Tensor Polygamma(int n, Tensor x) => n switch
    {
        0 => x.digamma(),
        1 => Trigamma(x),
        _ => torch.special.polygamma(n, x),
    };

    private const int Shift = 20;
}
