using MathNet.Numerics.Distributions;

namespace GateDsl.Reference;

/// <summary>
/// LogitNormal(mu, sigma): X = sigmoid(Z), Z ~ Normal(mu, sigma). CDF Phi((logit x - mu) / sigma);
/// density phi(.) / (sigma x (1 - x)). Mean and variance have no closed form and come from
/// <see cref="Quadrature"/> over the standard normal N: E[h(sigmoid(mu + sigma N))] (cached).
/// </summary>
/// <remarks>
/// Integrating over N(mu, sigma) itself placed the nodes at mu + sigma t, which rounds to mu for
/// mu = 1e308: the "mean" came out 47.87. For sigma &lt;= 1 the variance is the two-pass E[(X - E X)^2]
/// with X - sigmoid(mu) = <see cref="Numerics.SigmoidDifference"/>(mu, sigma N), so at sigma = 1e-20 it is
/// not the difference of two numbers that agree to 40 digits. For sigma &gt; 1, X is a step of width
/// 1/sigma in N, which an adaptive rule may step over; there the roles of the noises swap:
/// E[X] = P(L &lt; mu + sigma N) = E_L[Phi((mu - L)/sigma)] with L standard logistic, and
/// E[X^2] = P(max(L1, L2) &lt; mu + sigma N) = E_L[2 sigmoid(L) Phi((mu - L)/sigma)] (the larger of two
/// logistics has density 2 sigmoid(l) times the logistic density), with mu reflected to -|mu| so that
/// the difference E[X^2] - E[X]^2 does not cancel.
/// </remarks>
public sealed class LogitNormalReference : UnitIntervalReference
{
    private readonly Lazy<(double Mean, double Variance)> _moments;

    /// <summary>Creates LogitNormal(mu, sigma). Range: mu finite, sigma &gt; 0.</summary>
    public LogitNormalReference(double mu, double sigma)
        : base("LogitNormal", "mu", "sigma")
    {
        Mu = Guard.Finite(mu, nameof(mu));
        Sigma = Guard.Positive(sigma, nameof(sigma));
        _moments = new Lazy<(double, double)>(() =>
        {
            if (LogitNormalTailMoments.Applies(Mu, Sigma))
            {
                return LogitNormalTailMoments.Compute(Mu, Sigma);
            }

            if (Sigma > 1)
            {
                // Reflected to mu <= 0 (X and 1 - X have one variance), where E[X^2] - E[X]^2 does not cancel.
                double mu = -Math.Abs(Mu);
                var l = new LogisticReference(0, 1);
                double first = Quadrature.TailExpectation(l, v => Normal.CDF(0, 1, (mu - v) / Sigma));
                double second = Quadrature.TailExpectation(l, v => 2 * Numerics.Sigmoid(v) * Normal.CDF(0, 1, (mu - v) / Sigma));
                return (Mu > 0 ? 1 - first : first, second - first * first);
            }

            var n = new NormalReference(0, 1);
            double shift = Quadrature.TailExpectation(n, z => Numerics.SigmoidDifference(Mu, Sigma * z));
            double variance = Quadrature.TailExpectation(n, z =>
            {
                double d = Numerics.SigmoidDifference(Mu, Sigma * z) - shift;
                return d * d;
            });
            return (Numerics.Sigmoid(Mu) + shift, variance);
        });
    }

    /// <summary>Mean of the underlying normal, finite.</summary>
    public double Mu { get; }

    /// <summary>Standard deviation of the underlying normal, &gt; 0.</summary>
    public double Sigma { get; }

    /// <inheritdoc />
    public override IReadOnlyList<double> Parameters => [Mu, Sigma];

    /// <inheritdoc />
    public override double Mean => _moments.Value.Mean;

    /// <inheritdoc />
    public override double Variance => _moments.Value.Variance;

    /// <inheritdoc />
    private protected override double LogPdfInside(double logX, double logComplement)
        => Normal.PDFLn(Mu, Sigma, logX - logComplement) - logX - logComplement;

    /// <inheritdoc />
    private protected override double CdfInside(double x) => Normal.CDF(Mu, Sigma, Math.Log(x) - Numerics.Log1p(-x));

    /// <inheritdoc />
    public override double Quantile(double p) => Numerics.Sigmoid(Normal.InvCDF(Mu, Sigma, Guard.Probability(p, nameof(p))));

    /// <inheritdoc />
    private protected override IReferenceDistribution Create(IReadOnlyList<double> parameters) => new LogitNormalReference(parameters[0], parameters[1]);
}
