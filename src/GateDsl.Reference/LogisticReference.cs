namespace GateDsl.Reference;

/// <summary>
/// Logistic(loc, scale): CDF sigmoid((x - loc) / scale). MathNet has no logistic law, so the
/// closed forms are written out: mean loc, variance scale^2 pi^2 / 3.
/// </summary>
public sealed class LogisticReference : IReferenceDistribution
{
    private static readonly string[] Names = ["loc", "scale"];

    /// <summary>Creates Logistic(loc, scale). Range: loc finite, scale &gt; 0.</summary>
    public LogisticReference(double loc, double scale)
    {
        Loc = Guard.Finite(loc, nameof(loc));
        Scale = Guard.Positive(scale, nameof(scale));
    }

    /// <summary>Location, finite.</summary>
    public double Loc { get; }

    /// <summary>Scale &gt; 0.</summary>
    public double Scale { get; }

    /// <inheritdoc />
    public string Name => "Logistic";

    /// <inheritdoc />
    public IReadOnlyList<string> ParameterNames => Names;

    /// <inheritdoc />
    public IReadOnlyList<double> Parameters => [Loc, Scale];

    /// <inheritdoc />
    public SupportKind Support => SupportKind.Real;

    /// <inheritdoc />
    public double SupportLower => double.NegativeInfinity;

    /// <inheritdoc />
    public double SupportUpper => double.PositiveInfinity;

    /// <inheritdoc />
    public double Mean => Loc;

    /// <inheritdoc />
    public double Variance => Scale * Scale * Math.PI * Math.PI / 3.0;

    /// <inheritdoc />
    public double Pdf(double x) => Math.Exp(LogPdf(x));

    /// <inheritdoc />
    public double LogPdf(double x) => Numerics.LogLogisticDensity((x - Loc) / Scale) - Math.Log(Scale);

    /// <inheritdoc />
    public double Cdf(double x) => Numerics.Sigmoid((x - Loc) / Scale);

    /// <inheritdoc />
    public double Quantile(double p)
    {
        Guard.Probability(p, nameof(p));
        return Loc + Scale * (Math.Log(p) - Numerics.Log1p(-p));
    }

    /// <inheritdoc />
    public IReferenceDistribution WithParameters(IReadOnlyList<double> parameters)
    {
        Guard.Count(parameters, 2, Name);
        return new LogisticReference(parameters[0], parameters[1]);
    }

    /// <inheritdoc />
    public override string ToString() => $"Logistic(loc={Loc}, scale={Scale})";
}
