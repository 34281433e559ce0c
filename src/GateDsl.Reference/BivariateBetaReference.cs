using MathNet.Numerics;

namespace GateDsl.Reference;

/// <summary>
/// The Olkin-Liu (2003) bivariate Beta: U ~ Ga(a), V ~ Ga(b), W ~ Ga(c) independent (rate 1),
/// X = U / (U + W), Y = V / (V + W). Marginals X ~ Beta(a, c), Y ~ Beta(b, c); the correlation is
/// always in (0, 1).
/// </summary>
/// <remarks>
/// Given W, X and Y are independent with means m_a(W), m_b(W), m_a(w) = E[U / (U + w)], so
/// Cov(X, Y) = E_W[(m_a(W) - E X) (m_b(W) - E Y)], a nested one-dimensional integral, each level in log
/// space (<see cref="Quadrature"/>), and E[XY] = Cov + E X E Y. The covariance is integrated directly
/// rather than as E[XY] - E X E Y, which cancels: at BivariateBeta(1e8, 1, 1) that difference gave a
/// correlation of -1.73e8. Where E X &gt; 1/2 the deviation is taken from the complement,
/// E[w / (U + w)] - c / (a + c), whose relative accuracy does not suffer next to 1. The joint CDF
/// conditions on W too: F(x, y) = E_W[P(a, W x/(1-x)) P(b, W y/(1-y))] with P the regularized
/// lower incomplete gamma function, so it is a single one-dimensional integral.
/// </remarks>
public sealed class BivariateBetaReference : IReferenceJointCdf2
{
    private static readonly string[] Names = ["a", "b", "c"];
    private readonly Lazy<double> _covariance;
    private readonly GammaReference _w;
    private readonly double _logNorm;

    /// <summary>Creates the Olkin-Liu law. Range: a &gt; 0, b &gt; 0, c &gt; 0.</summary>
    public BivariateBetaReference(double a, double b, double c)
    {
        A = Guard.Positive(a, nameof(a));
        B = Guard.Positive(b, nameof(b));
        C = Guard.Positive(c, nameof(c));
        _w = new GammaReference(C);
        _logNorm = SpecialFunctions.GammaLn(A) + SpecialFunctions.GammaLn(B) + SpecialFunctions.GammaLn(C)
            - SpecialFunctions.GammaLn(A + B + C);
        MarginalX = new BetaReference(A, C);
        MarginalY = new BetaReference(B, C);
        _covariance = new Lazy<double>(ComputeCovariance);
    }

    /// <summary>Shape of U (numerator of X), &gt; 0.</summary>
    public double A { get; }

    /// <summary>Shape of V (numerator of Y), &gt; 0.</summary>
    public double B { get; }

    /// <summary>Shape of the shared W, &gt; 0.</summary>
    public double C { get; }

    /// <inheritdoc />
    public string Name => "BivariateBeta";

    /// <inheritdoc />
    public IReadOnlyList<string> ParameterNames => Names;

    /// <inheritdoc />
    public IReadOnlyList<double> Parameters => [A, B, C];

    /// <inheritdoc />
    public IReferenceDistribution MarginalX { get; }

    /// <inheritdoc />
    public IReferenceDistribution MarginalY { get; }

    /// <inheritdoc />
    public double MeanXY => _covariance.Value + MarginalX.Mean * MarginalY.Mean;

    /// <inheritdoc />
    public double Covariance => _covariance.Value;

    /// <inheritdoc />
    public double Correlation => Covariance / Math.Sqrt(MarginalX.Variance * MarginalY.Variance);

    /// <summary>
    /// Joint density x^(a-1) y^(b-1) (1-x)^(b+c-1) (1-y)^(a+c-1) / (B(a,b,c) (1-xy)^(a+b+c)) on (0,1)^2.
    /// </summary>
    public double Pdf(double x, double y) => Math.Exp(LogPdf(x, y));

    /// <summary>Log of <see cref="Pdf"/>; negative infinity outside the open unit square.</summary>
    public double LogPdf(double x, double y)
    {
        if (!(x > 0 && x < 1 && y > 0 && y < 1))
        {
            return double.NegativeInfinity;
        }

        return (A - 1) * Math.Log(x) + (B - 1) * Math.Log(y)
            + (B + C - 1) * Numerics.Log1p(-x) + (A + C - 1) * Numerics.Log1p(-y)
            - _logNorm - (A + B + C) * Numerics.Log1p(-x * y);
    }

    /// <inheritdoc />
    public double Cdf(double x, double y)
    {
        if (JointCdfEdges.OnEdge(x, y, MarginalX, MarginalY) is { } edge)
        {
            return edge;
        }

        // X <= x  <=>  U <= W x / (1 - x); given W the two events are independent.
        double rx = x / (1 - x);
        double ry = y / (1 - y);
        return Quadrature.Expectation(_w, w =>
            IncompleteGamma.LowerRegularized(A, w * rx) * IncompleteGamma.LowerRegularized(B, w * ry));
    }

    /// <inheritdoc />
    public IReferenceJoint2 WithParameters(IReadOnlyList<double> parameters)
    {
        Guard.Count(parameters, 3, Name);
        return new BivariateBetaReference(parameters[0], parameters[1], parameters[2]);
    }

    /// <inheritdoc />
    public override string ToString() => $"BivariateBeta(a={A}, b={B}, c={C})";

    private double ComputeCovariance()
    {
        // The inner ranges are found once, not at every outer node.
        var deviationX = Deviation(A);
        var deviationY = Deviation(B);
        return Quadrature.Expectation(_w, w => deviationX(w) * deviationY(w));
    }

    /// <summary>w =&gt; E[G / (G + w)] - E[G / (G + W)] for G ~ Ga(shape), from the smaller of the ratio and its complement.</summary>
    private Func<double, double> Deviation(double shape)
    {
        var g = Quadrature.Prepare(new GammaReference(shape));
        double mean = shape / (shape + C);
        if (mean <= 0.5)
        {
            return w => g((u, _) => u / (u + w)) - mean;
        }

        double complement = C / (shape + C);
        return w => complement - g((u, _) => w / (u + w));
    }
}
