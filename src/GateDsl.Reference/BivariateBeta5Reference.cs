namespace GateDsl.Reference;

/// <summary>
/// The five-Gamma bivariate Beta of BBeta-LSTM (5G): G_k ~ Ga(a_k) independent (rate 1),
/// X = (G1 + G3) / (G1 + G3 + G4 + G5), Y = (G2 + G4) / (G2 + G4 + G3 + G5).
/// Marginals X ~ Beta(a1 + a3, a4 + a5), Y ~ Beta(a2 + a4, a3 + a5). G5 pushes the correlation up,
/// G3 and G4 push it down.
/// </summary>
/// <remarks>
/// E[XY] by a Laplace-transform identity: 1/(A+B) = int_0^inf e^(-s(A+B)) ds turns both ratios into
/// exponential tilts, under which the independent Gammas factorize (E[e^(-lG)] = (1+l)^-a,
/// E[G e^(-lG)] = a (1+l)^(-a-1)), giving the exact two-dimensional integral
/// E[XY] = int int (1+s)^-a1 (1+t)^-a2 (1+s+t)^-(a3+a4+a5)
///         (a1/(1+s) + a3/(1+s+t)) (a2/(1+t) + a4/(1+s+t)) ds dt over s, t &gt; 0,
/// integrated after s = e^p - 1, t = e^q - 1 (algebraic tails become exponential) by nested
/// adaptive Gauss-Kronrod. With a3 = a4 = 0 it reduces to the Olkin-Liu law.
/// The joint CDF conditions on the shared Gammas: X &lt;= x and Y &lt;= y are G1 &lt;= r(G4+G5) - G3 and
/// G2 &lt;= s(G3+G5) - G4 with r = x/(1-x), s = y/(1-y), so given (G3, G4, G5) it is a product of two
/// regularized incomplete gamma functions; the remaining 3-D integral is nested adaptive
/// Gauss-Kronrod in log space, the innermost one started where both factors become positive (no
/// kink inside), each level to a relative 1e-6 of its L1 norm; measured error about 1e-8. Slow:
/// 0.5-2 s per point for shapes near 1, up to about 6 s for shapes near 0.5; 1-D or 2-D (fast)
/// when a3 or a4 is 0.
/// </remarks>
public sealed class BivariateBeta5Reference : IReferenceJointCdf2
{
    private static readonly string[] Names = ["a1", "a2", "a3", "a4", "a5"];
    private readonly Lazy<double> _meanXY;

    /// <summary>
    /// Creates the 5G law. Range: a1, a2, a5 &gt; 0; a3, a4 &gt;= 0 (zero drops that Gamma, so
    /// a3 = a4 = 0 is the Olkin-Liu law with (a, b, c) = (a1, a2, a5)).
    /// </summary>
    public BivariateBeta5Reference(double a1, double a2, double a3, double a4, double a5)
    {
        A1 = Guard.Positive(a1, nameof(a1));
        A2 = Guard.Positive(a2, nameof(a2));
        A3 = NonNegative(a3, nameof(a3));
        A4 = NonNegative(a4, nameof(a4));
        A5 = Guard.Positive(a5, nameof(a5));
        MarginalX = new BetaReference(A1 + A3, A4 + A5);
        MarginalY = new BetaReference(A2 + A4, A3 + A5);
        _meanXY = new Lazy<double>(ComputeMeanXY);
    }

    /// <summary>Shape of G1 (only in X's numerator), &gt; 0.</summary>
    public double A1 { get; }

    /// <summary>Shape of G2 (only in Y's numerator), &gt; 0.</summary>
    public double A2 { get; }

    /// <summary>Shape of G3 (X's numerator, Y's denominator), &gt;= 0.</summary>
    public double A3 { get; }

    /// <summary>Shape of G4 (Y's numerator, X's denominator), &gt;= 0.</summary>
    public double A4 { get; }

    /// <summary>Shape of G5 (both denominators), &gt; 0.</summary>
    public double A5 { get; }

    /// <inheritdoc />
    public string Name => "BivariateBeta5";

    /// <inheritdoc />
    public IReadOnlyList<string> ParameterNames => Names;

    /// <inheritdoc />
    public IReadOnlyList<double> Parameters => [A1, A2, A3, A4, A5];

    /// <inheritdoc />
    public IReferenceDistribution MarginalX { get; }

    /// <inheritdoc />
    public IReferenceDistribution MarginalY { get; }

    /// <inheritdoc />
    public double MeanXY => _meanXY.Value;

    /// <inheritdoc />
    public double Covariance => MeanXY - MarginalX.Mean * MarginalY.Mean;

    /// <inheritdoc />
    /// <remarks>
    /// Cov = E[XY] - E X E Y with E[XY] from the two-dimensional integral (relative error about 1e-12),
    /// so the correlation carries an error of about 1e-11 E[XY] / sd(X) sd(Y). Where that exceeds 1e-4
    /// (shapes of order 1e7 and up, where the marginals are very narrow) the correlation is not
    /// computed: NaN, as the interface documents.
    /// </remarks>
    public double Correlation
    {
        get
        {
            double scale = Math.Sqrt(MarginalX.Variance * MarginalY.Variance);
            return 1e-11 * MeanXY / scale > 1e-4 ? double.NaN : Covariance / scale;
        }
    }

    /// <inheritdoc />
    public double Cdf(double x, double y)
    {
        if (JointCdfEdges.OnEdge(x, y, MarginalX, MarginalY) is { } edge)
        {
            return edge;
        }

        const double tol = 1e-6; // per level; three nested levels at 1e-8 would take ~5x longer
        double r = x / (1 - x);
        double s = y / (1 - y);
        var d5 = new IntegrationDomain(new GammaReference(A5));
        var (lo5, _, hi5) = d5.Range();
        var over3 = A3 > 0 ? OverGamma(A3, tol) : null;
        var over4 = A4 > 0 ? OverGamma(A4, tol) : null;

        // P(X <= x, Y <= y | G3 = g3, G4 = g4), integrating G5 from where both events can happen.
        double Given(double g3, double g4)
        {
            double lower = Math.Max(0, Math.Max(g3 / r - g4, g4 / s - g3));
            double start = lower > 0 ? Math.Max(lo5, Math.Log(lower)) : lo5;
            if (start >= hi5)
            {
                return 0;
            }

            return Quadrature.Integrate(
                t =>
                {
                    double g5 = Math.Exp(t);
                    double w = Math.Exp(d5.LogWeight(t));
                    return w == 0 ? 0
                        : w * IncompleteGamma.LowerRegularized(A1, r * (g4 + g5) - g3)
                            * IncompleteGamma.LowerRegularized(A2, s * (g3 + g5) - g4);
                },
                start,
                hi5,
                tol);
        }

        double OverG4(double g3) => over4 is null ? Given(g3, 0) : over4(g4 => Given(g3, g4));
        return over3 is null ? OverG4(0) : over3(OverG4);
    }

    /// <inheritdoc />
    public IReferenceJoint2 WithParameters(IReadOnlyList<double> parameters)
    {
        Guard.Count(parameters, 5, Name);
        return new BivariateBeta5Reference(parameters[0], parameters[1], parameters[2], parameters[3], parameters[4]);
    }

    /// <inheritdoc />
    public override string ToString() => $"BivariateBeta5(a1={A1}, a2={A2}, a3={A3}, a4={A4}, a5={A5})";

    private static double NonNegative(double value, string name)
    {
        if (!(value >= 0) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite and >= 0 (got {value}).");
        }

        return value;
    }

    // f => E[f(G)] for G ~ Ga(shape) in log space, range found once, with the nested CDF's tolerance.
    private static Func<Func<double, double>, double> OverGamma(double shape, double tol)
    {
        var domain = new IntegrationDomain(new GammaReference(shape));
        var (lo, mode, hi) = domain.Range();
        return f =>
        {
            double Integrand(double t)
            {
                double w = Math.Exp(domain.LogWeight(t));
                return w == 0 ? 0 : w * f(Math.Exp(t));
            }

            return Quadrature.Integrate(Integrand, lo, mode, tol) + Quadrature.Integrate(Integrand, mode, hi, tol);
        };
    }

    private double ComputeMeanXY()
    {
        double shared = A3 + A4 + A5;

        // In p the integrand decays like exp(-(a1 + a3 + a4 + a5) p), in q like exp(-(a2 + ...) q);
        // cut where that is below e^-52 (about 2.6e-23) of its start.
        double pMax = 52.0 / (A1 + shared);
        double qMax = 52.0 / (A2 + shared);

        double Integrand(double p, double q)
        {
            // log(1 + s + t) = log(e^p + e^q - 1), computed from the larger exponent.
            double m = Math.Max(p, q);
            double logD = m + Math.Log(Math.Exp(p - m) + Math.Exp(q - m) - Math.Exp(-m));
            double invD = Math.Exp(-logD);
            double logFactor = -A1 * p - A2 * q - shared * logD + p + q;
            double left = A1 * Math.Exp(-p) + A3 * invD;
            double right = A2 * Math.Exp(-q) + A4 * invD;
            return Math.Exp(logFactor) * left * right;
        }

        return Quadrature.Integrate(p => Quadrature.Integrate(q => Integrand(p, q), 0, qMax, 1e-12), 0, pMax, 1e-12);
    }
}
