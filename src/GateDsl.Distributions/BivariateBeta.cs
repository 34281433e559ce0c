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
        : base("BivariateBeta", validate, NamedParameter.Positive("a", a), NamedParameter.Positive("b", b), NamedParameter.Positive("c", c))
    {
        A = Parameters[0];
        B = Parameters[1];
        C = Parameters[2];
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

    /// <summary>
    /// X = U/(U+W), Y = V/(V+W) as sigmoids of log differences (no 0/0 for small shapes); shapes outside the
    /// fast path go through <see cref="GammaRatio"/> in float64 (saturated draws, gradient 0 there).
    /// </summary>
    public override (Tensor X, Tensor Y) RSample(long[]? sampleShape = null, Generator? generator = null)
    {
        using var scope = torch.NewDisposeScope();
        var shape = ExtendedShape(sampleShape);
        var range = Sampling.Range(A, B, C);
        if (!Sampling.IsFast(range, DType))
        {
            var xy = GammaRatio.Draw([A.expand(shape), B.expand(shape), C.expand(shape)], [[0], [1]], [[2], [2]], DType, generator);
            return scope.MoveToOuter(xy[0], xy[1]);
        }

        var logG = Sampling.LogStandardGamma(torch.stack([A.expand(shape), B.expand(shape), C.expand(shape)]), range.Min < 1.0, generator);
        // X and Y are formed together (one kernel per step instead of two).
        var both = Sampling.ClampOpenUnit(torch.sigmoid(logG.narrow(0, 0, 2) - logG[2]));
        return scope.MoveToOuter(both[0], both[1]);
    }

    /// <summary>
    /// log f(x,y) = (a-1) log x + (b-1) log y + (b+c-1) log(1-x) + (a+c-1) log(1-y) - (a+b+c) log(1-xy)
    /// - log B(a,b,c), with B(a,b,c) = Gamma(a) Gamma(b) Gamma(c) / Gamma(a+b+c), in float64 on the open
    /// square. On the closed square's edges it is the density's limit (see <see cref="SupportEnds"/>):
    /// at x = 0 it behaves like x^(a-1), at x = 1 like (1-x)^(b+c-1) (then 1 - xy = 1 - y), likewise in y;
    /// at a corner the limit depends on the direction, and the value returned is the limit along the
    /// diagonal from the centre (the density behaves like t^(a+b-2) at (0,0), t^(c-2) at (1,1),
    /// t^(2a+c-2) at (0,1) and t^(2b+c-2) at (1,0)). -inf outside.
    /// </summary>
    public override Tensor LogProb(Tensor x, Tensor y)
    {
        using var scope = torch.NewDisposeScope();
        var (a, b, c) = (Precision.Wide(A), Precision.Wide(B), Precision.Wide(C));
        var both = torch.broadcast_tensors(Precision.Wide(x.to(DType)), Precision.Wide(y.to(DType)));
        var (xv, yv) = (both[0], both[1]);
        var open = xv.gt(0.0).logical_and(xv.lt(1.0)).logical_and(yv.gt(0.0)).logical_and(yv.lt(1.0));
        var closed = xv.ge(0.0).logical_and(xv.le(1.0)).logical_and(yv.ge(0.0)).logical_and(yv.le(1.0));
        var xs = torch.where(open, xv, 0.5);
        var ys = torch.where(open, yv, 0.5);
        var logX = xs.log();
        var logY = ys.log();
        var log1mX = (-xs).log1p();
        var log1mY = (-ys).log1p();
        var interior = (a - 1.0) * logX + (b - 1.0) * logY + (b + c - 1.0) * log1mX + (a + c - 1.0) * log1mY
            - (a + b + c) * (-(xs * ys)).log1p() - LogNormalizer(a, b, c);

        // Edges: the other coordinate strictly inside (safe value 0.5 elsewhere), exponent's parameter set where it is 0.
        var xIn = xv.gt(0.0).logical_and(xv.lt(1.0));
        var yIn = yv.gt(0.0).logical_and(yv.lt(1.0));
        var xe = torch.where(xIn, xv, 0.5);
        var ye = torch.where(yIn, yv, 0.5);
        var (lxe, lye, l1xe, l1ye) = (xe.log(), ye.log(), (-xe).log1p(), (-ye).log1p());
        var a1 = torch.ones_like(a);
        var b1 = torch.ones_like(b);
        // x = 0 (a = 1): (b-1) log y + c log(1-y) - log B(1,b,c); y = 0 likewise.
        var xZero = SupportEnds.Limit(a - 1.0, (b - 1.0) * lye + c * l1ye - LogNormalizer(a1, b, c));
        var yZero = SupportEnds.Limit(b - 1.0, (a - 1.0) * lxe + c * l1xe - LogNormalizer(a, b1, c));
        // x = 1 (b + c = 1): (b-1) log y - (b+1) log(1-y) - log B(a,b,c); y = 1 likewise.
        var cx = torch.where((b + c).eq(1.0), c, 1.0);
        var cy = torch.where((a + c).eq(1.0), c, 1.0);
        var xOne = SupportEnds.Limit(b + c - 1.0, (b - 1.0) * lye - (b + 1.0) * l1ye - LogNormalizer(a, b, cx));
        var yOne = SupportEnds.Limit(a + c - 1.0, (a - 1.0) * lxe - (a + 1.0) * l1xe - LogNormalizer(a, b, cy));

        // Corners, along the diagonal from the centre.
        var zeroZero = SupportEnds.Limit(a + b - 2.0, -LogNormalizer(a, b, c));
        var oneOne = SupportEnds.Limit(c - 2.0, -(a + b + c) * SpecialFunctions.Ln2 - LogNormalizer(a, b, c));
        var zeroOne = SupportEnds.Limit(2.0 * a + c - 2.0, -LogNormalizer(a, b, c));
        var oneZero = SupportEnds.Limit(2.0 * b + c - 2.0, -LogNormalizer(a, b, c));

        var (x0, x1, y0, y1) = (xv.eq(0.0), xv.eq(1.0), yv.eq(0.0), yv.eq(1.0));
        var boundary = torch.where(x0.logical_and(y0), zeroZero,
            torch.where(x1.logical_and(y1), oneOne,
            torch.where(x0.logical_and(y1), zeroOne,
            torch.where(x1.logical_and(y0), oneZero,
            torch.where(x0, xZero,
            torch.where(x1, xOne,
            torch.where(y0, yZero, yOne)))))));
        var lp = torch.where(open, interior, torch.where(closed, boundary, double.NegativeInfinity));
        return scope.MoveToOuter(Precision.NarrowLogDensity(lp, open, DType));
    }

    /// <summary>E[XY] per batch element, in double on the CPU (see <see cref="OlkinLiuMoments"/> for the methods, their accuracy, and the shapes where it is NaN).</summary>
    public Tensor ExpectedProduct() => OlkinLiuMoments.Map(this, OlkinLiuMoments.ExpectedProduct);

    /// <summary>Pearson correlation per batch element, from the covariance and the Beta marginals (see <see cref="OlkinLiuMoments"/>; NaN where not computed).</summary>
    public override Tensor Correlation() => OlkinLiuMoments.Map(this, OlkinLiuMoments.Correlation);

    /// <summary>log B(a, b, c) = lgamma(a) + lgamma(b) + lgamma(c) - lgamma(a + b + c).</summary>
    private static Tensor LogNormalizer(Tensor a, Tensor b, Tensor c) => a.lgamma() + b.lgamma() + c.lgamma() - (a + b + c).lgamma();
}
