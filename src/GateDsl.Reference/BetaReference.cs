using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace GateDsl.Reference;

/// <summary>Beta(a, b): density x^(a-1) (1-x)^(b-1) / B(a, b) on (0, 1).</summary>
public sealed class BetaReference : IReferenceDistribution, IUnitIntervalLogDensity
{
    private static readonly string[] Names = ["a", "b"];
    private readonly double _logNorm;

    /// <summary>Creates Beta(a, b). Range: a &gt; 0, b &gt; 0.</summary>
    public BetaReference(double a, double b)
    {
        A = Guard.Positive(a, nameof(a));
        B = Guard.Positive(b, nameof(b));
        _logNorm = SpecialFunctions.BetaLn(A, B);
    }

    /// <summary>First shape a &gt; 0.</summary>
    public double A { get; }

    /// <summary>Second shape b &gt; 0.</summary>
    public double B { get; }

    /// <inheritdoc />
    public string Name => "Beta";

    /// <inheritdoc />
    public IReadOnlyList<string> ParameterNames => Names;

    /// <inheritdoc />
    public IReadOnlyList<double> Parameters => [A, B];

    /// <inheritdoc />
    public SupportKind Support => SupportKind.UnitInterval;

    /// <inheritdoc />
    public double SupportLower => 0;

    /// <inheritdoc />
    public double SupportUpper => 1;

    /// <inheritdoc />
    /// <remarks>1 / (1 + b/a): neither tiny nor huge shapes overflow.</remarks>
    public double Mean => 1 / (1 + B / A);

    /// <inheritdoc />
    /// <remarks>m (1 - m) / (a + b + 1) with 1 - m = 1 / (1 + a/b): (a + b)^2 underflows at a = b = 1e-310.</remarks>
    public double Variance => Mean / (1 + A / B) / (A + B + 1);

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

        return (A - 1) * Numerics.LogFromComplement(x, complement)
            + (B - 1) * Numerics.LogFromComplement(complement, x) - _logNorm;
    }

    /// <inheritdoc />
    public double Cdf(double x) => x <= 0 ? 0 : x >= 1 ? 1 : SpecialFunctions.BetaRegularized(A, B, x);

    /// <inheritdoc />
    public double Quantile(double p) => Inversion.Quantile(Cdf, Support, p);

    /// <inheritdoc />
    public IReferenceDistribution WithParameters(IReadOnlyList<double> parameters)
    {
        Guard.Count(parameters, 2, Name);
        return new BetaReference(parameters[0], parameters[1]);
    }

    /// <summary>A MathNet twin, for agreement tests and for drawing reference samples.</summary>
    public Beta ToMathNet(System.Random random) => new(A, B, random);

    /// <inheritdoc />
    public override string ToString() => $"Beta(a={A}, b={B})";
}
