using MathNet.Numerics.Distributions;

namespace GateDsl.Reference;

/// <summary>
/// LogitNormal(mu, sigma): X = sigmoid(Z), Z ~ Normal(mu, sigma). CDF Phi((logit x - mu) / sigma);
/// density phi(.) / (sigma x (1 - x)). Mean and variance have no closed form and come from
/// <see cref="Quadrature"/> over the underlying normal (cached).
/// </summary>
public sealed class LogitNormalReference : IReferenceDistribution, IUnitIntervalLogDensity
{
    private static readonly string[] Names = ["mu", "sigma"];
    private readonly Lazy<(double Mean, double Variance)> _moments;

    /// <summary>Creates LogitNormal(mu, sigma). Range: mu finite, sigma &gt; 0.</summary>
    public LogitNormalReference(double mu, double sigma)
    {
        Mu = Guard.Finite(mu, nameof(mu));
        Sigma = Guard.Positive(sigma, nameof(sigma));
        // Integrated over the underlying normal, so that large sigma (logits beyond +-700) stays exact.
        _moments = new Lazy<(double, double)>(() =>
        {
            var z = new NormalReference(Mu, Sigma);
            double m = Quadrature.Expectation(z, t => Numerics.Sigmoid(t));
            double v = Quadrature.Expectation(z, t =>
            {
                double d = Numerics.Sigmoid(t) - m;
                return d * d;
            });
            return (m, v);
        });
    }

    /// <summary>Mean of the underlying normal, finite.</summary>
    public double Mu { get; }

    /// <summary>Standard deviation of the underlying normal, &gt; 0.</summary>
    public double Sigma { get; }

    /// <inheritdoc />
    public string Name => "LogitNormal";

    /// <inheritdoc />
    public IReadOnlyList<string> ParameterNames => Names;

    /// <inheritdoc />
    public IReadOnlyList<double> Parameters => [Mu, Sigma];

    /// <inheritdoc />
    public SupportKind Support => SupportKind.UnitInterval;

    /// <inheritdoc />
    public double SupportLower => 0;

    /// <inheritdoc />
    public double SupportUpper => 1;

    /// <inheritdoc />
    public double Mean => _moments.Value.Mean;

    /// <inheritdoc />
    public double Variance => _moments.Value.Variance;

    /// <inheritdoc />
    public double Pdf(double x) => Math.Exp(LogPdf(x));

    /// <inheritdoc />
    public double LogPdf(double x) => LogPdf(x, 1 - x);

    /// <summary>log f(x) given x and 1 - x computed separately (accurate next to 1).</summary>
    public double LogPdf(double x, double complement)
    {
        if (!(x > 0 && complement > 0))
        {
            return double.NegativeInfinity;
        }

        double lx = Numerics.LogFromComplement(x, complement);
        double lc = Numerics.LogFromComplement(complement, x);
        return Normal.PDFLn(Mu, Sigma, lx - lc) - lx - lc;
    }

    /// <inheritdoc />
    public double Cdf(double x) => x <= 0 ? 0 : x >= 1 ? 1 : Normal.CDF(Mu, Sigma, Math.Log(x) - Numerics.Log1p(-x));

    /// <inheritdoc />
    public double Quantile(double p) => Numerics.Sigmoid(Normal.InvCDF(Mu, Sigma, Guard.Probability(p, nameof(p))));

    /// <inheritdoc />
    public IReferenceDistribution WithParameters(IReadOnlyList<double> parameters)
    {
        Guard.Count(parameters, 2, Name);
        return new LogitNormalReference(parameters[0], parameters[1]);
    }

    /// <inheritdoc />
    public override string ToString() => $"LogitNormal(mu={Mu}, sigma={Sigma})";
}
