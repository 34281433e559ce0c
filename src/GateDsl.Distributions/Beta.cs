using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Distributions;

/// <summary>
/// Beta(a, b) on (0, 1), drawn as G_a / (G_a + G_b) from two unit-rate Gammas. The ratio is formed
/// in log space, X = sigmoid(log G_a - log G_b), so small shapes neither underflow to 0/0 nor lose
/// their gradient. Draws are clamped to [tiny, 1 - eps] of the dtype (see Sampling.ClampOpenUnit).
/// </summary>
public sealed class Beta : Distribution
{
    /// <summary>Creates a Beta distribution.</summary>
    /// <param name="a">First shape (alpha). Range: a &gt; 0.</param>
    /// <param name="b">Second shape (beta). Range: b &gt; 0.</param>
    /// <param name="validate">Check the ranges (one device-to-host sync per parameter).</param>
    public Beta(Tensor a, Tensor b, bool validate = true)
        : this(ParameterSet.Create("Beta", ("a", a), ("b", b)), validate)
    {
    }

    private Beta(ParameterSet p, bool validate)
        : base("Beta", Support.UnitInterval, p)
    {
        A = p.Values[0];
        B = p.Values[1];
        if (validate)
        {
            ParameterValidation.Positive(Name, "a", A);
            ParameterValidation.Positive(Name, "b", B);
        }
    }

    /// <summary>First shape.</summary>
    public Tensor A { get; }

    /// <summary>Second shape.</summary>
    public Tensor B { get; }

    /// <inheritdoc/>
    public override Tensor Mean => A / (A + B);

    /// <inheritdoc/>
    public override Tensor Variance
    {
        get
        {
            using var scope = torch.NewDisposeScope();
            var s = A + B;
            return scope.MoveToOuter(A * B / (s.square() * (s + 1.0)));
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

    /// <inheritdoc/>
    public override Tensor RSample(long[]? sampleShape = null, Generator? generator = null)
    {
        using var scope = torch.NewDisposeScope();
        var shape = ExtendedShape(sampleShape);
        // One _standard_gamma call for both shapes: fewer kernel launches, same law.
        var logG = Sampling.LogStandardGamma(torch.stack([A.expand(shape), B.expand(shape)]), generator);
        var x = Sampling.ClampOpenUnit(torch.sigmoid(logG[0] - logG[1]));
        return scope.MoveToOuter(x);
    }

    /// <inheritdoc/>
    public override Tensor LogProb(Tensor value)
    {
        using var scope = torch.NewDisposeScope();
        var v = value.to(DType);
        var inside = v.gt(0.0).logical_and(v.lt(1.0));
        var lp = Sampling.MaskedLogProb(inside, v, 0.5, x =>
            (A - 1.0) * x.log() + (B - 1.0) * (-x).log1p() - SpecialFunctions.LogBeta(A, B));
        return scope.MoveToOuter(lp);
    }

    /// <summary>log B(a,b) - (a-1) psi(a) - (b-1) psi(b) + (a+b-2) psi(a+b).</summary>
    public override Tensor Entropy()
    {
        using var scope = torch.NewDisposeScope();
        var s = A + B;
        var h = SpecialFunctions.LogBeta(A, B) - (A - 1.0) * A.digamma() - (B - 1.0) * B.digamma() + (s - 2.0) * s.digamma();
        return scope.MoveToOuter(h);
    }

    private (Tensor A, Tensor B) Broadcast()
    {
        var both = torch.broadcast_tensors(A, B);
        return (both[0], both[1]);
    }
}
