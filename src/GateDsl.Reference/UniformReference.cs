namespace GateDsl.Reference;

/// <summary>Uniform(low, high) on the open interval (low, high).</summary>
public sealed class UniformReference : IReferenceDistribution
{
    private static readonly string[] Names = ["low", "high"];

    /// <summary>Creates Uniform(low, high). Range: low and high finite, low &lt; high.</summary>
    public UniformReference(double low, double high)
    {
        Low = Guard.Finite(low, nameof(low));
        High = Guard.Finite(high, nameof(high));
        if (!(low < high))
        {
            throw new ArgumentOutOfRangeException(nameof(high), high, $"high must be > low (got low={low}, high={high}).");
        }
    }

    /// <summary>Lower end, finite.</summary>
    public double Low { get; }

    /// <summary>Upper end, finite and &gt; <see cref="Low"/>.</summary>
    public double High { get; }

    /// <inheritdoc />
    public string Name => "Uniform";

    /// <inheritdoc />
    public IReadOnlyList<string> ParameterNames => Names;

    /// <inheritdoc />
    public IReadOnlyList<double> Parameters => [Low, High];

    /// <inheritdoc />
    public SupportKind Support => SupportKind.Interval;

    /// <inheritdoc />
    public double SupportLower => Low;

    /// <inheritdoc />
    public double SupportUpper => High;

    // Halves throughout: high - low overflows for bounds near +-1.8e308, their halves never do.
    // Halved before the difference only where the width overflows (Uniform(-1e308, 1e308)): at subnormal ends the
    // halves underflow to 0 (Uniform(-5e-324, 5e-324) had width 0 and a NaN CDF, and gatec sample exited 3).
    private double HalfWidth => double.IsFinite(High - Low) ? 0.5 * (High - Low) : 0.5 * High - 0.5 * Low;

    /// <inheritdoc />
    public double Mean => 0.5 * Low + 0.5 * High;

    /// <inheritdoc />
    /// <remarks>+inf where (high - low)^2 / 12 exceeds the double range.</remarks>
    public double Variance => HalfWidth * HalfWidth / 3.0;

    /// <inheritdoc />
    public double Pdf(double x) => x > Low && x < High ? 0.5 / HalfWidth : 0;

    /// <inheritdoc />
    public double LogPdf(double x) => x > Low && x < High ? -Math.Log(HalfWidth) - Math.Log(2) : double.NegativeInfinity;

    /// <inheritdoc />
    public double Cdf(double x) => x <= Low ? 0 : x >= High ? 1 : double.IsFinite(High - Low) ? (x - Low) / (High - Low) : (0.5 * x - 0.5 * Low) / HalfWidth;

    /// <inheritdoc />
    public double Quantile(double p) => Low + 2 * (Guard.Probability(p, nameof(p)) * HalfWidth);

    /// <inheritdoc />
    public IReferenceDistribution WithParameters(IReadOnlyList<double> parameters)
    {
        Guard.Count(parameters, 2, Name);
        return new UniformReference(parameters[0], parameters[1]);
    }

    /// <inheritdoc />
    public override string ToString() => $"Uniform(low={Low}, high={High})";
}
