using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Distributions;

/// <summary>
/// Log densities on a support with ends (the unit interval, the positive half-line): the interior
/// formula inside, the density's limit at an end, -inf outside. Near an end a density behaves like
/// d^e c with d the distance to the end, so its limit there is +inf for e &lt; 0, c for e = 0 and 0 for
/// e &gt; 0: Beta(1, 8) at 0 is 8 (log 2.0794), Gamma(1, 1) at 0 is 1 (log 0), Beta(0.5, 2) at 0 is
/// +inf. The interior formula runs on a safe interior point elsewhere, and the limit's finite part
/// is computed by the caller with the exponent's parameter set to where e = 0, so neither value nor
/// gradient is NaN (the gradient of a limit does not include the exponent's parameter: the density
/// is not differentiable in it there).
/// </summary>
internal static class SupportEnds
{
    /// <summary>+inf where <paramref name="exponent"/> &lt; 0, <paramref name="finitePart"/> where it is 0, -inf where &gt; 0.</summary>
    public static Tensor Limit(Tensor exponent, Tensor finitePart)
    {
        using var scope = torch.NewDisposeScope();
        var result = torch.where(exponent.lt(0.0), double.PositiveInfinity,
            torch.where(exponent.eq(0.0), finitePart, double.NegativeInfinity));
        return scope.MoveToOuter(result);
    }

    /// <summary>
    /// The log density of a law on [0, 1] at float64 points <paramref name="x"/>, in <paramref name="dtype"/>:
    /// <paramref name="interior"/>(x, 1 - x) on (0, 1) (finite, saturated to the dtype's range), the limits
    /// at 0 and 1, -inf outside.
    /// </summary>
    public static Tensor UnitInterval(Tensor x, ScalarType dtype, Func<Tensor, Tensor, Tensor> interior, Tensor atZero, Tensor atOne)
    {
        using var scope = torch.NewDisposeScope();
        var inside = x.gt(0.0).logical_and(x.lt(1.0));
        var safe = torch.where(inside, x, 0.5);
        // 1 - x is exact for x >= 1/2 (Sterbenz), and below it carries no less information than x.
        var lp = torch.where(inside, interior(safe, 1.0 - safe),
            torch.where(x.eq(0.0), atZero, torch.where(x.eq(1.0), atOne, double.NegativeInfinity)));
        return scope.MoveToOuter(Precision.NarrowLogDensity(lp, inside, dtype));
    }

    /// <summary>
    /// The log density of a law on [0, inf) at float64 points: <paramref name="interior"/> on (0, inf)
    /// (saturated to the dtype's range), the limit at 0, -inf outside (including +inf and NaN).
    /// </summary>
    public static Tensor HalfLine(Tensor x, ScalarType dtype, Func<Tensor, Tensor> interior, Tensor atZero)
    {
        using var scope = torch.NewDisposeScope();
        var inside = x.gt(0.0).logical_and(x.isfinite());
        var safe = torch.where(inside, x, 1.0);
        var lp = torch.where(inside, interior(safe), torch.where(x.eq(0.0), atZero, double.NegativeInfinity));
        return scope.MoveToOuter(Precision.NarrowLogDensity(lp, inside, dtype));
    }

    /// <summary>
    /// The log density of a law on the real line: <paramref name="interior"/> at finite points
    /// (saturated to the dtype's range), -inf at +-inf and NaN.
    /// </summary>
    public static Tensor RealLine(Tensor x, ScalarType dtype, Func<Tensor, Tensor> interior)
    {
        using var scope = torch.NewDisposeScope();
        var inside = x.isfinite();
        var safe = torch.where(inside, x, 0.0);
        var lp = torch.where(inside, interior(safe), double.NegativeInfinity);
        return scope.MoveToOuter(Precision.NarrowLogDensity(lp, inside, dtype));
    }
}
