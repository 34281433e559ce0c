using MathNet.Numerics;

namespace GateDsl.Reference;

/// <summary>
/// Kumaraswamy(a, b): density a b x^(a-1) (1 - x^a)^(b-1), CDF 1 - (1 - x^a)^b on (0, 1);
/// raw moments E[X^n] = b B(1 + n/a, b).
/// </summary>
/// <remarks>
/// Mean and variance are integrals, not the closed form: at Kumaraswamy(1e8, 1e8) the closed form's
/// lgamma values are 1.7e9, whose float64 spacing (2.4e-7) exceeds the mean's distance to 1
/// (1.8e-7). X^a ~ Beta(1, b), so W = -log(1 - X^a) ~ Exp(b) and X = (1 - e^-W)^(1/a) = e^(log1mexp(-W)/a);
/// the moments are expectations over W (<see cref="Quadrature"/> in log space, where Exp(b) is a smooth
/// bump for every b), of X or, when the mean is above 1/2, of 1 - X = -expm1(log X), and the variance is
/// the two-pass E[(Y - E Y)^2], so nothing cancels.
/// </remarks>
public sealed class KumaraswamyReference : UnitIntervalReference
{
    private readonly Lazy<(double Mean, double Variance)> _moments;

    /// <summary>Creates Kumaraswamy(a, b). Range: a &gt; 0, b &gt; 0.</summary>
    public KumaraswamyReference(double a, double b)
        : base("Kumaraswamy", "a", "b")
    {
        A = Guard.Positive(a, nameof(a));
        B = Guard.Positive(b, nameof(b));
        _moments = new Lazy<(double, double)>(ComputeMoments);
    }

    /// <summary>First shape a &gt; 0.</summary>
    public double A { get; }

    /// <summary>Second shape b &gt; 0.</summary>
    public double B { get; }

    /// <inheritdoc />
    public override IReadOnlyList<double> Parameters => [A, B];

    /// <inheritdoc />
    public override double Mean => _moments.Value.Mean;

    /// <inheritdoc />
    public override double Variance => _moments.Value.Variance;

    /// <summary>
    /// E[X^n] = b B(1 + n/a, b) = Gamma(1 + s) Gamma(1 + l) / Gamma(1 + l + s) with s, l the smaller and larger
    /// of n/a and b, in logs as ln Gamma(1 + s) - (ln Gamma(1 + l + s) - ln Gamma(1 + l)), the difference
    /// without cancellation (<see cref="Numerics.LogGammaDifference"/>: b B(.) through MathNet's BetaLn
    /// returned b itself at b = 1e20). Range: n &gt; 0; underflows to 0.
    /// </summary>
    public double RawMoment(double n)
    {
        double p = Guard.Positive(n, nameof(n)) / A;
        double s = Math.Min(p, B);
        double l = Math.Max(p, B);
        if (double.IsPositiveInfinity(l))
        {
            return 0; // n/a overflowed (a below 1e-308): Gamma(1 + l) / Gamma(1 + l + s) -> 0
        }

        return Math.Exp(SpecialFunctions.GammaLn(1 + s) - Numerics.LogGammaDifference(1 + l, s));
    }

    /// <inheritdoc />
    private protected override double LogPdfInside(double logX, double logComplement)
        => Math.Log(A) + Math.Log(B) + (A - 1) * logX + (B - 1) * Numerics.LogOneMinusPow(logX, A);

    /// <inheritdoc />
    private protected override double CdfInside(double x) => -Numerics.Expm1(B * Numerics.LogOneMinusPow(Math.Log(x), A));

    /// <inheritdoc />
    public override double Quantile(double p)
    {
        Guard.Probability(p, nameof(p));
        // log(1 - (1 - p)^(1/b)) by log1mexp: log(-expm1(.)) alone rounds 1 - (1-p)^(1/b) to 1 below 2^-54.
        return Math.Exp(Numerics.Log1mExp(Numerics.Log1p(-p) / B) / A);
    }

    /// <inheritdoc />
    private protected override IReferenceDistribution Create(IReadOnlyList<double> parameters) => new KumaraswamyReference(parameters[0], parameters[1]);

    /// <summary>psi(1 + e^shift p) for p = 1/a &gt; 1; from p = 1e15 on ln p + shift = shift - ln a (p itself may overflow).</summary>
    private double DigammaOnePlus(double p, double shift) =>
        p < 1e15 ? SpecialFunctions.DiGamma(1 + Math.Exp(shift) * p) : shift - Math.Log(A);

    private (double Mean, double Variance) ComputeMoments()
    {
        if (B < 1e-12 && A < 1)
        {
            // ln m_n = ln Gamma(1 + b) - (ln Gamma(1 + n/a + b) - ln Gamma(1 + n/a)) = -b (gamma + psi(1 + n/a)) + O(b^2),
            // the O(b^2) below 1e-12 relative here; with p = 1/a > 1 the brackets do not cancel. The quadrature
            // below was 8e-5 off at Kumaraswamy(1.7e-107, 3.7e-228) (mpmath at 600 digits: 9.0807185e-226).
            double logM1 = -B * (Constants.EulerMascheroni + DigammaOnePlus(1 / A, 0));
            double d = B * (Constants.EulerMascheroni + 2 * DigammaOnePlus(1 / A, 0) - DigammaOnePlus(1 / A, Math.Log(2)));
            return (Math.Exp(logM1), Math.Exp(2 * logM1) * Numerics.Expm1(d));
        }

        if (B < 1e-12)
        {
            // W ~ Exp(b) lies far out (beyond any double for b below 1e-308), and the region where 1 - X is not
            // negligible carries a share of order b of its mass, below what a range scan keeps; but its
            // density b e^(-b w) = b (1 + O(b w)) is flat where
            // 1 - X(w) is not negligible (w up to about log(1/a) + 40), so E[(1 - X)^k] = b int_0^inf (1 - X(w))^k dw
            // (1 + O(b)), integrated against a carrier Exp(lambda) whose scale 1/lambda covers log(1/a).
            double lambda = 1 / (1 + Math.Max(0, -Math.Log(A)));
            var carrier = new GammaReference(1, lambda);
            double Complement(double v) => -Numerics.Expm1(Numerics.Log1mExp(-v) / A);
            double first = B * Quadrature.TailExpectation(carrier, v => Complement(v) * Math.Exp(lambda * v) / lambda);
            double second = B * Quadrature.TailExpectation(carrier, v => Complement(v) * Complement(v) * Math.Exp(lambda * v) / lambda);
            return (1 - first, second - first * first);
        }

        double m1 = RawMoment(1);
        double m2 = RawMoment(2);
        if (m1 < 0.01 && m2 - m1 * m1 > 0.5 * m2)
        {
            // Mass far below 1 and a wide law (the variance is over half of E[X^2], so m2 - m1^2 loses at
            // most a bit): the closed form in logs is exact here, while the quadrature over W misses the
            // integrand's peak far out in Exp(b)'s tail (Kumaraswamy(0.00581, 682.3): X = (1 - e^-W)^172
            // peaks at W = 0.25, 170 scale lengths out; the quadrature gave 4.8e-186, mpmath 1.1077e-185).
            return (m1, m2 - m1 * m1);
        }

        var w = new GammaReference(1, B);
        bool nearOne = m1 > 0.5;
        // Y = X, or 1 - X when the mass sits near 1, as a function of W.
        double Y(double v)
        {
            double logX = Numerics.Log1mExp(-v) / A;
            return nearOne ? -Numerics.Expm1(logX) : Math.Exp(logX);
        }

        double mean = Quadrature.TailExpectation(w, Y);
        double variance = Quadrature.TailExpectation(w, v =>
        {
            double d = Y(v) - mean;
            return d * d;
        });
        return (nearOne ? 1 - mean : mean, variance);
    }
}
