using MathNet.Numerics.Distributions;

namespace GateDsl.Reference;

/// <summary>Normal(mu, sigma) on the real line.</summary>
public sealed class NormalReference : IReferenceDistribution
{
    private static readonly string[] Names = ["mu", "sigma"];

    /// <summary>Creates Normal(mu, sigma). Range: mu finite, sigma &gt; 0.</summary>
    public NormalReference(double mu, double sigma)
    {
        Mu = Guard.Finite(mu, nameof(mu));
        Sigma = Guard.Positive(sigma, nameof(sigma));
    }

    /// <summary>Location (mean), finite.</summary>
    public double Mu { get; }

    /// <summary>Standard deviation &gt; 0.</summary>
    public double Sigma { get; }

    /// <inheritdoc />
    public string Name => "Normal";

    /// <inheritdoc />
    public IReadOnlyList<string> ParameterNames => Names;

    /// <inheritdoc />
    public IReadOnlyList<double> Parameters => [Mu, Sigma];

    /// <inheritdoc />
    public SupportKind Support => SupportKind.Real;

    /// <inheritdoc />
    public double SupportLower => double.NegativeInfinity;

    /// <inheritdoc />
    public double SupportUpper => double.PositiveInfinity;

    /// <inheritdoc />
    public double Mean => Mu;

    /// <inheritdoc />
    public double Variance => Sigma * Sigma;

    /// <inheritdoc />
    public double Pdf(double x) => Normal.PDF(Mu, Sigma, x);

    /// <inheritdoc />
    public double LogPdf(double x) => Normal.PDFLn(Mu, Sigma, x);

    /// <inheritdoc />
    public double Cdf(double x) => Normal.CDF(Mu, Sigma, x);

    /// <inheritdoc />
    public double Quantile(double p) => Normal.InvCDF(Mu, Sigma, Guard.Probability(p, nameof(p)));

    /// <inheritdoc />
    public IReferenceDistribution WithParameters(IReadOnlyList<double> parameters)
    {
        Guard.Count(parameters, 2, Name);
        return new NormalReference(parameters[0], parameters[1]);
    }

    /// <summary>A MathNet twin, for drawing reference samples.</summary>
    public Normal ToMathNet(System.Random random) => new(Mu, Sigma, random);

    /// <inheritdoc />
    public override string ToString() => $"Normal(mu={Mu}, sigma={Sigma})";
}
