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
/// </remarks>
public sealed class BivariateBeta5Reference : IReferenceJoint2
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
    public double Correlation => Covariance / Math.Sqrt(MarginalX.Variance * MarginalY.Variance);

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
