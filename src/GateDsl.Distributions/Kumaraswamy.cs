using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Distributions;

/// <summary>
/// Kumaraswamy(a, b) on (0, 1): density a b x^(a-1) (1 - x^a)^(b-1), CDF 1 - (1 - x^a)^b. A Beta
/// look-alike with a closed-form inverse CDF, so draws are a transform of one uniform:
/// X = (1 - (1-U)^(1/b))^(1/a), evaluated in log space. Log densities, moments and entropy are computed
/// in float64 and rounded to the dtype.
/// </summary>
public sealed class Kumaraswamy : Distribution
{
    /// <summary>Creates the distribution.</summary>
    /// <param name="a">First shape. Range: a &gt; 0.</param>
    /// <param name="b">Second shape. Range: b &gt; 0.</param>
    /// <param name="validate">Check the ranges (one device-to-host sync per parameter).</param>
    public Kumaraswamy(Tensor a, Tensor b, bool validate = true)
        : base("Kumaraswamy", Support.UnitInterval, validate, NamedParameter.Positive("a", a), NamedParameter.Positive("b", b))
    {
        A = Parameters[0];
        B = Parameters[1];
    }

    /// <summary>First shape.</summary>
    public Tensor A { get; }

    /// <summary>Second shape.</summary>
    public Tensor B { get; }

    /// <summary>E[X] = b B(1 + 1/a, b), from <see cref="LogRawMoment"/> (float64 inside).</summary>
    public override Tensor Mean
    {
        get
        {
            using var scope = torch.NewDisposeScope();
            return scope.MoveToOuter(Precision.Narrow(LogRawMoment(1.0).exp(), DType));
        }
    }

    /// <summary>
    /// E[X^2] - E[X]^2 as m1^2 expm1(D), D = log m2 - 2 log m1 (in log space), so the two moments never cancel (float64
    /// inside; in float32 the difference gave -5.2e-4 for Kumaraswamy(1000, 1000), whose variance is
    /// 1.617e-6). For a &gt;= 1, where X crowds near 1 and D is small, D = D2(1, h) - D2(b + 1, h) with
    /// h = 1/a and D2 the second difference of lgamma (<see cref="LogGammaDifferences"/>); for b &lt; 1e-3,
    /// where that difference would lose 1e-16/b relative, it is its Taylor series in b to third order,
    /// -b (psi(1+2h) - 2 psi(1+h) + psi(1)) - b^2/2 (the same of trigamma) - b^3/6 (of psi''), each second
    /// difference again by its series in h (the b^2 term is 1e-8 of the first at Kumaraswamy(1e8, 1e-8)). For a &lt; 1, D comes from the two log moments directly, where it is not small.
    /// </summary>
    public override Tensor Variance
    {
        get
        {
            using var scope = torch.NewDisposeScope();
            var (a, b) = (Precision.Wide(A), Precision.Wide(B));
            var crowded = a.ge(1.0);
            var h = torch.where(crowded, a, 1.0).reciprocal();
            var c = b + 1.0;
            var tinyB = b.lt(1e-3);
            var bs = torch.where(tinyB, b, 0.0);
            var ones = torch.ones_like(h);
            // -(D2(1 + b, h) - D2(1, h)) = -sum_k b^k/k! d^k/dx^k D2(1, h); three terms leave b^4 &lt;= 1e-12 relative.
            var firstOrder = -bs * LogGammaDifferences.SecondDifferenceOfDerivative(1, ones, h)
                - 0.5 * bs.square() * LogGammaDifferences.SecondDifferenceOfDerivative(2, ones, h)
                - (bs.pow(3) / 6.0) * LogGammaDifferences.SecondDifferenceOfDerivative(3, ones, h);
            var secondDifferences = LogGammaDifferences.SecondDifference(torch.ones_like(h), h)
                - LogGammaDifferences.SecondDifference(torch.where(tinyB, 2.0, c), h);
            var nearOne = torch.where(tinyB, firstOrder, secondDifferences);
            var logM1 = LogRawMoment(1.0);
            var spread = LogRawMoment(2.0) - 2.0 * logM1;
            var d = torch.where(crowded, nearOne, spread).clamp_min(0.0);
            // m1^2 expm1(D) in log space, log expm1(D) = D + log1mexp(-D): m1 underflows to 0 at
            // Kumaraswamy(0.001, 1e8) while expm1(D) overflows, and 0 * inf is NaN.
            var v = (2.0 * logM1 + d + SpecialFunctions.Log1mExp(-d)).exp();
            return scope.MoveToOuter(Precision.Narrow(v, DType));
        }
    }

    /// <inheritdoc/>
    public override bool HasMode => true;

    /// <summary>((a-1)/(ab-1))^(1/a) for a, b &gt;= 1 and not both 1; NaN elsewhere (no unique interior mode).</summary>
    public override Tensor Mode
    {
        get
        {
            using var scope = torch.NewDisposeScope();
            var both = torch.broadcast_tensors(A, B);
            var (a, b) = (both[0], both[1]);
            var defined = a.ge(1.0).logical_and(b.ge(1.0)).logical_and(a.gt(1.0).logical_or(b.gt(1.0)));
            var safeA = torch.where(defined, a, torch.full_like(a, 2.0));
            var safeB = torch.where(defined, b, torch.full_like(b, 2.0));
            var mode = ((safeA - 1.0) / (safeA * safeB - 1.0)).pow(1.0 / safeA);
            return scope.MoveToOuter(torch.where(defined, mode, torch.full_like(mode, double.NaN)));
        }
    }

    /// <inheritdoc/>
    public override bool HasEntropy => true;

    /// <summary>
    /// X = (1 - (1-U)^(1/b))^(1/a), in log space: log X = log1mexp(log1p(-U)/b) / a with log1mexp(t) =
    /// log(1 - e^t) in its stable form (<see cref="SpecialFunctions.Log1mExp"/>: a plain log(-expm1(t))
    /// rounds 1 - (1-U)^(1/b) to 1 whenever (1-U)^(1/b) &lt; 2^-54, which moved 0.85% of the
    /// Kumaraswamy(0.05, 0.05) law next to 1 and made gatec sample's KS test reject it on every seed), and
    /// X = 1 + expm1(log X) near 1. Shapes outside the fast path go through <see cref="Saturation"/> in float64.
    /// </summary>
    public override Tensor RSample(long[]? sampleShape = null, Generator? generator = null)
    {
        using var scope = torch.NewDisposeScope();
        var shape = ExtendedShape(sampleShape);
        Tensor x;
        if (Sampling.IsFast(Sampling.Range(A, B), DType))
        {
            var u = Sampling.Uniform(shape, DType, Device, generator);
            x = Sampling.ClampOpenUnit(Transform(A, B, u));
        }
        else
        {
            Tensor u;
            using (torch.no_grad())
            {
                u = Sampling.Uniform(shape, ScalarType.Float64, Device, generator);
            }

            var wide = Saturation.Clamp(
                [SaturatingGradient.Apply(Precision.Wide(A), DType), SaturatingGradient.Apply(Precision.Wide(B), DType), u],
                [1.0, 1.0, 0.5],
                t => Transform(t[0], t[1], t[2]),
                Sampling.Tiny(DType),
                Sampling.OneMinusEps(DType));
            x = Sampling.ClampOpenUnit(Precision.Narrow(wide, DType));
        }

        return scope.MoveToOuter(x);
    }

    /// <summary>
    /// log a + log b + (a-1) log x + (b-1) log(1 - x^a) on (0, 1), in float64, with log(1 - x^a) from
    /// <see cref="SpecialFunctions.LogOneMinusPow"/> (never NaN: Kumaraswamy(0.5, 1) at 1 - 2^-53 is -0.6931472,
    /// and Kumaraswamy(0.5, 0.05) at float32's 1 - 2^-24 is 12.7734, not +inf); at 0 the density's limit
    /// (+inf for a &lt; 1, b for a = 1, 0 for a &gt; 1), at 1 likewise with b and a; -inf outside.
    /// </summary>
    public override Tensor LogProb(Tensor value)
    {
        using var scope = torch.NewDisposeScope();
        var (a, b) = (Precision.Wide(A), Precision.Wide(B));
        var v = Precision.Wide(value.to(DType));
        var lp = SupportEnds.UnitInterval(v, DType,
            (x, c) =>
            {
                var logX = SpecialFunctions.LogComplement(c, x);
                return a.log() + b.log() + (a - 1.0) * logX + (b - 1.0) * SpecialFunctions.LogOneMinusPow(logX, a);
            },
            SupportEnds.Limit(a - 1.0, b.log()),
            SupportEnds.Limit(b - 1.0, a.log()));
        return scope.MoveToOuter(lp);
    }

    /// <summary>(1 - 1/b) + (1 - 1/a) H_b - log(ab), H_b = digamma(b + 1) + Euler's gamma (float64 inside).</summary>
    public override Tensor Entropy()
    {
        using var scope = torch.NewDisposeScope();
        var (a, b) = (Precision.Wide(A), Precision.Wide(B));
        var harmonic = (b + 1.0).digamma() + SpecialFunctions.EulerGamma;
        var h = (1.0 - b.reciprocal()) + (1.0 - a.reciprocal()) * harmonic - (a * b).log();
        return scope.MoveToOuter(Precision.Narrow(h, DType));
    }

    /// <summary>The inverse CDF at u, in u's dtype (never NaN: log X may be -inf, giving X = 0).</summary>
    private static Tensor Transform(Tensor a, Tensor b, Tensor u)
    {
        using var scope = torch.NewDisposeScope();
        var logX = SpecialFunctions.Log1mExp((-u).log1p() / b) / a;
        return scope.MoveToOuter(Sampling.ExpNonPositive(logX));
    }

    /// <summary>
    /// log E[X^n] = log(b B(1 + n/a, b)) = lgamma(1 + p) + lgamma(1 + q) - lgamma(1 + p + q) with p = n/a,
    /// q = b, symmetric in p and q, computed as lgamma(1 + s) - [lgamma(1 + l + s) - lgamma(1 + l)] with
    /// s, l the smaller and larger of the two, the bracket by <see cref="LogGammaDifferences.Difference"/>
    /// (a Taylor series when s is small against l: no cancellation of two lgamma values of 1.7e9 at
    /// Kumaraswamy(1e8, 1e8)). For a &lt; 1e-300, where n/a overflows, its asymptotic form
    /// lgamma(1 + b) - b log(n/a) - b (b+1) / (2 n/a), exact in float64 there.
    /// </summary>
    private Tensor LogRawMoment(double n)
    {
        using var scope = torch.NewDisposeScope();
        var (a, b) = (Precision.Wide(A), Precision.Wide(B));
        var huge = a.lt(1e-300);
        var aSafe = torch.where(huge, 1.0, a);
        var p = n / aSafe;
        var s = torch.minimum(p, b);
        var l = torch.maximum(p, b);
        // lgamma(1 + s) as a difference at 1: lgamma(1 + 1e-250) would round its argument to 1.
        var regular = LogGammaDifferences.Difference(torch.ones_like(s), s) - LogGammaDifferences.Difference(1.0 + l, s);
        var aHuge = torch.where(huge, a, 1.0);
        var logP = Math.Log(n) - aHuge.log();
        // lgamma(1 + b) again as a difference at 1: (1 + b).lgamma() rounds 1 + 1e-302 to 1 and drops the
        // -gamma b term, which is the variance's whole (gamma + ln p - ln 2) b at Kumaraswamy(1e-309, 1e-302).
        var asymptotic = LogGammaDifferences.Difference(torch.ones_like(b), b) - b * logP - 0.5 * b * (b + 1.0) * aHuge / n;
        return scope.MoveToOuter(torch.where(huge, asymptotic, regular));
    }
}
