using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Distributions;

/// <summary>
/// Beta(a, b) on (0, 1), drawn as G_a / (G_a + G_b) from two unit-rate Gammas. The ratio is formed
/// in log space, X = sigmoid(log G_a - log G_b), so small shapes neither underflow to 0/0 nor lose
/// their gradient. Draws are clamped to [tiny, 1 - eps] of the dtype (see Sampling.ClampOpenUnit);
/// log densities, moments and entropy are computed in float64 and rounded to the dtype.
/// </summary>
public sealed class Beta : Distribution
{
    /// <summary>Creates a Beta distribution.</summary>
    /// <param name="a">First shape (alpha). Range: a &gt; 0.</param>
    /// <param name="b">Second shape (beta). Range: b &gt; 0.</param>
    /// <param name="validate">Check the ranges (one device-to-host sync per parameter).</param>
    public Beta(Tensor a, Tensor b, bool validate = true)
        : base("Beta", Support.UnitInterval, validate, NamedParameter.Positive("a", a), NamedParameter.Positive("b", b))
    {
        A = Parameters[0];
        B = Parameters[1];
    }

    /// <summary>First shape.</summary>
    public Tensor A { get; }

    /// <summary>Second shape.</summary>
    public Tensor B { get; }

    /// <summary>a / (a + b), as 1 / (1 + b/a) so that neither tiny nor huge shapes overflow (float64 inside).</summary>
    public override Tensor Mean
    {
        get
        {
            using var scope = torch.NewDisposeScope();
            var (a, b) = (Precision.Wide(A), Precision.Wide(B));
            return scope.MoveToOuter(Precision.Narrow((1.0 + b / a).reciprocal(), DType));
        }
    }

    /// <summary>
    /// a b / ((a + b)^2 (a + b + 1)), as m (1 - m) / (a + b + 1) with m = 1/(1 + b/a), 1 - m = 1/(1 + a/b):
    /// at Beta(1e-310, 1e-310) the square (a + b)^2 underflows to 0 and the textbook form is 0/0.
    /// </summary>
    public override Tensor Variance
    {
        get
        {
            using var scope = torch.NewDisposeScope();
            var (a, b) = (Precision.Wide(A), Precision.Wide(B));
            var v = (1.0 + b / a).reciprocal() * (1.0 + a / b).reciprocal() / (a + b + 1.0);
            return scope.MoveToOuter(Precision.Narrow(v, DType));
        }
    }

    /// <inheritdoc/>
    public override bool HasMode => true;

    /// <summary>
    /// (a-1)/(a+b-2) when a, b &gt; 1; 0 when a &lt;= 1 &lt; b; 1 when b &lt;= 1 &lt; a; NaN where no unique mode
    /// exists (a, b &lt;= 1: uniform or U-shaped).
    /// </summary>
    public override Tensor Mode
    {
        get
        {
            using var scope = torch.NewDisposeScope();
            var (a, b) = Broadcast();
            var interior = (a - 1.0) / (a + b - 2.0);
            var mode = torch.where(a.gt(1.0).logical_and(b.gt(1.0)), interior,
                torch.where(a.le(1.0).logical_and(b.gt(1.0)), torch.zeros_like(a),
                    torch.where(b.le(1.0).logical_and(a.gt(1.0)), torch.ones_like(a), torch.full_like(a, double.NaN))));
            return scope.MoveToOuter(mode);
        }
    }

    /// <inheritdoc/>
    public override bool HasEntropy => true;

    /// <summary>
    /// G_a / (G_a + G_b) as sigmoid(log G_a - log G_b). Shapes outside the fast path
    /// (<see cref="Sampling.FastLow"/>..<see cref="Sampling.FastHigh"/>) go through <see cref="GammaRatio"/>:
    /// at Beta(1e-310, 1e-310) every draw is 0 or 1 (P(1) = a / (a + b)), with gradient 0.
    /// </summary>
    public override Tensor RSample(long[]? sampleShape = null, Generator? generator = null)
    {
        using var scope = torch.NewDisposeScope();
        var shape = ExtendedShape(sampleShape);
        var range = Sampling.Range(A, B);
        Tensor x;
        if (Sampling.IsFast(range, DType))
        {
            // One _standard_gamma call for both shapes: fewer kernel launches, same law.
            var logG = Sampling.LogStandardGamma(torch.stack([A.expand(shape), B.expand(shape)]), range.Min < 1.0, generator);
            x = Sampling.ClampOpenUnit(torch.sigmoid(logG[0] - logG[1]));
        }
        else
        {
            x = GammaRatio.Draw([A.expand(shape), B.expand(shape)], [[0]], [[1]], DType, generator)[0];
        }

        return scope.MoveToOuter(x);
    }

    /// <summary>
    /// (a-1) log x + (b-1) log(1-x) - log B(a, b) on (0, 1), in float64; at 0 the density's limit (+inf for
    /// a &lt; 1, b for a = 1, 0 for a &gt; 1: Beta(1, 8) at 0 is ln 8), at 1 likewise with b and a; -inf outside.
    /// </summary>
    public override Tensor LogProb(Tensor value)
    {
        using var scope = torch.NewDisposeScope();
        var (a, b) = (Precision.Wide(A), Precision.Wide(B));
        var v = Precision.Wide(value.to(DType));
        var lp = SupportEnds.UnitInterval(v, DType,
            (x, c) => (a - 1.0) * x.log() + (b - 1.0) * SpecialFunctions.LogComplement(x, c) - SpecialFunctions.LogBeta(a, b),
            SupportEnds.Limit(a - 1.0, b.log()),
            SupportEnds.Limit(b - 1.0, a.log()));
        return scope.MoveToOuter(lp);
    }

    /// <summary>log B(a,b) - (a-1) psi(a) - (b-1) psi(b) + (a+b-2) psi(a+b), in float64.</summary>
    public override Tensor Entropy()
    {
        using var scope = torch.NewDisposeScope();
        var (a, b) = (Precision.Wide(A), Precision.Wide(B));
        var s = a + b;
        var h = SpecialFunctions.LogBeta(a, b) - (a - 1.0) * a.digamma() - (b - 1.0) * b.digamma() + (s - 2.0) * s.digamma();
        return scope.MoveToOuter(Precision.Narrow(h, DType));
    }

    private (Tensor A, Tensor B) Broadcast()
    {
        var both = torch.broadcast_tensors(A, B);
        return (both[0], both[1]);
    }
}
