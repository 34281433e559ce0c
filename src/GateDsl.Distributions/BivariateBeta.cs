using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Distributions;

/// <summary>
/// Olkin-Liu bivariate Beta (Olkin &amp; Liu 2003), the 3-Gamma gate pair of BBeta-LSTM:
/// U ~ Ga(a), V ~ Ga(b), W ~ Ga(c) independent, X = U/(U+W), Y = V/(V+W). The shared W makes the
/// correlation positive. Marginals: X ~ Beta(a, c), Y ~ Beta(b, c).
/// </summary>
public sealed class BivariateBeta : JointDistribution
{
    /// <summary>Creates the distribution.</summary>
    /// <param name="a">Shape of U (numerator of X). Range: a &gt; 0.</param>
    /// <param name="b">Shape of V (numerator of Y). Range: b &gt; 0.</param>
    /// <param name="c">Shape of the shared W. Range: c &gt; 0.</param>
    /// <param name="validate">Check the ranges (one device-to-host sync per parameter).</param>
    public BivariateBeta(Tensor a, Tensor b, Tensor c, bool validate = true)
        : this(ParameterSet.Create("BivariateBeta", ("a", a), ("b", b), ("c", c)), validate)
    {
    }

    private BivariateBeta(ParameterSet p, bool validate)
        : base("BivariateBeta", p)
    {
        A = p.Values[0];
        B = p.Values[1];
        C = p.Values[2];
        if (validate)
        {
            ParameterValidation.Positive(Name, "a", A);
            ParameterValidation.Positive(Name, "b", B);
            ParameterValidation.Positive(Name, "c", C);
        }
    }

    /// <summary>Shape of U.</summary>
    public Tensor A { get; }

    /// <summary>Shape of V.</summary>
    public Tensor B { get; }

    /// <summary>Shape of W.</summary>
    public Tensor C { get; }

    /// <summary>X ~ Beta(a, c).</summary>
    public override Beta MarginalX => new(A, C, validate: false);

    /// <summary>Y ~ Beta(b, c).</summary>
    public override Beta MarginalY => new(B, C, validate: false);

    /// <summary>The underlying independent Gammas (rate 1): U, V, W. Used by the KL registry.</summary>
    public IReadOnlyList<Gamma> UnderlyingGammas
    {
        get
        {
            var one = torch.ones(1, DType, Device);
            return [new Gamma(A, one, false), new Gamma(B, one, false), new Gamma(C, one, false)];
        }
    }

    /// <inheritdoc/>
    public override (Tensor X, Tensor Y) RSample(long[]? sampleShape = null, Generator? generator = null)
    {
        using var scope = torch.NewDisposeScope();
        var shape = ExtendedShape(sampleShape);
        var logG = Sampling.LogStandardGamma(torch.stack([A.expand(shape), B.expand(shape), C.expand(shape)]), generator);
        // Ratios from log differences: U/(U+W) = sigmoid(log U - log W), no 0/0 for small shapes.
        // X and Y are formed together (one kernel per step instead of two).
        var xy = Sampling.ClampOpenUnit(torch.sigmoid(logG.narrow(0, 0, 2) - logG[2]));
        return scope.MoveToOuter(xy[0], xy[1]);
    }

    /// <summary>
    /// log f(x,y) = (a-1) log x + (b-1) log y + (b+c-1) log(1-x) + (a+c-1) log(1-y) - (a+b+c) log(1-xy)
    /// - log B(a,b,c), with B(a,b,c) = Gamma(a) Gamma(b) Gamma(c) / Gamma(a+b+c).
    /// </summary>
    public override Tensor LogProb(Tensor x, Tensor y)
    {
        using var scope = torch.NewDisposeScope();
        var both = torch.broadcast_tensors(x.to(DType), y.to(DType));
        var (xv, yv) = (both[0], both[1]);
        var inside = xv.gt(0.0).logical_and(xv.lt(1.0)).logical_and(yv.gt(0.0)).logical_and(yv.lt(1.0));
        var xs = torch.where(inside, xv, torch.full_like(xv, 0.5));
        var ys = torch.where(inside, yv, torch.full_like(yv, 0.5));
        var logNorm = A.lgamma() + B.lgamma() + C.lgamma() - (A + B + C).lgamma();
        var lp = (A - 1.0) * xs.log() + (B - 1.0) * ys.log()
            + (B + C - 1.0) * (-xs).log1p() + (A + C - 1.0) * (-ys).log1p()
            - (A + B + C) * (-(xs * ys)).log1p() - logNorm;
        var result = torch.where(inside, lp, torch.full_like(lp, double.NegativeInfinity));
        return scope.MoveToOuter(result);
    }

    /// <summary>E[XY] per batch element, exact (series, see <see cref="OlkinLiuMoments"/>), in double on the CPU.</summary>
    public Tensor ExpectedProduct() => OlkinLiuMoments.Map(this, OlkinLiuMoments.ExpectedProduct);

    /// <summary>Exact Pearson correlation per batch element, from <see cref="ExpectedProduct"/> and the Beta marginals.</summary>
    public override Tensor Correlation() => OlkinLiuMoments.Map(this, OlkinLiuMoments.Correlation);
}
