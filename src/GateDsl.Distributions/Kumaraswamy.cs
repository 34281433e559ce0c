using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Distributions;

/// <summary>
/// Kumaraswamy(a, b) on (0, 1): density a b x^(a-1) (1 - x^a)^(b-1), CDF 1 - (1 - x^a)^b. A Beta
/// look-alike with a closed-form inverse CDF, so draws are a transform of one uniform:
/// X = (1 - (1-U)^(1/b))^(1/a), evaluated in log space.
/// </summary>
public sealed class Kumaraswamy : Distribution
{
    /// <summary>Creates the distribution.</summary>
    /// <param name="a">First shape. Range: a &gt; 0.</param>
    /// <param name="b">Second shape. Range: b &gt; 0.</param>
    /// <param name="validate">Check the ranges (one device-to-host sync per parameter).</param>
    public Kumaraswamy(Tensor a, Tensor b, bool validate = true)
        : this(ParameterSet.Create("Kumaraswamy", ("a", a), ("b", b)), validate)
    {
    }

    private Kumaraswamy(ParameterSet p, bool validate)
        : base("Kumaraswamy", Support.UnitInterval, p)
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

    /// <summary>E[X^n] = b B(1 + n/a, b).</summary>
    public override Tensor Mean => RawMoment(1.0);

    /// <inheritdoc/>
    public override Tensor Variance
    {
        get
        {
            using var scope = torch.NewDisposeScope();
            var m1 = RawMoment(1.0);
            return scope.MoveToOuter(RawMoment(2.0) - m1.square());
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

    /// <inheritdoc/>
    public override Tensor RSample(long[]? sampleShape = null, Generator? generator = null)
    {
        using var scope = torch.NewDisposeScope();
        var shape = ExtendedShape(sampleShape);
        var u = Sampling.Uniform(shape, DType, Device, generator);
        // log(1 - (1-u)^(1/b)) = log(-expm1(log1p(-u)/b)); then X = exp(that / a).
        var t = (-u).log1p() / B;
        var logOneMinus = (-t.expm1()).clamp_min(Sampling.Tiny(DType)).log();
        var x = Sampling.ClampOpenUnit((logOneMinus / A).exp());
        return scope.MoveToOuter(x);
    }

    /// <inheritdoc/>
    public override Tensor LogProb(Tensor value)
    {
        using var scope = torch.NewDisposeScope();
        var v = value.to(DType);
        var inside = v.gt(0.0).logical_and(v.lt(1.0));
        var lp = Sampling.MaskedLogProb(inside, v, 0.5, x =>
            A.log() + B.log() + (A - 1.0) * x.log() + (B - 1.0) * (-(A * x.log()).exp()).log1p());
        return scope.MoveToOuter(lp);
    }

    /// <summary>(1 - 1/b) + (1 - 1/a) H_b - log(ab), H_b = digamma(b + 1) + Euler's gamma.</summary>
    public override Tensor Entropy()
    {
        using var scope = torch.NewDisposeScope();
        var harmonic = (B + 1.0).digamma() + SpecialFunctions.EulerGamma;
        var h = (1.0 - B.reciprocal()) + (1.0 - A.reciprocal()) * harmonic - (A * B).log();
        return scope.MoveToOuter(h);
    }

    private Tensor RawMoment(double n)
    {
        using var scope = torch.NewDisposeScope();
        var m = B * SpecialFunctions.LogBeta(1.0 + n / A, B).exp();
        return scope.MoveToOuter(m);
    }
}
