using MathNet.Numerics;

namespace GateDsl.Reference;

/// <summary>
/// Kumaraswamy(a, b): density a b x^(a-1) (1 - x^a)^(b-1), CDF 1 - (1 - x^a)^b on (0, 1);
/// raw moments E[X^n] = b B(1 + n/a, b).
/// </summary>
public sealed class KumaraswamyReference : IReferenceDistribution, IUnitIntervalLogDensity
{
    private static readonly string[] Names = ["a", "b"];

    /// <summary>Creates Kumaraswamy(a, b). Range: a &gt; 0, b &gt; 0.</summary>
    public KumaraswamyReference(double a, double b)
    {
        A = Guard.Positive(a, nameof(a));
        B = Guard.Positive(b, nameof(b));
    }

    /// <summary>First shape a &gt; 0.</summary>
    public double A { get; }

    /// <summary>Second shape b &gt; 0.</summary>
    public double B { get; }

    /// <inheritdoc />
    public string Name => "Kumaraswamy";

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
    public double Mean => RawMoment(1);

    /// <inheritdoc />
    public double Variance
    {
        get
        {
            double m = RawMoment(1);
            return RawMoment(2) - m * m;
        }
    }

    /// <summary>E[X^n] = b B(1 + n/a, b). Range: n &gt; 0.</summary>
    public double RawMoment(double n) =>
        B * Math.Exp(SpecialFunctions.BetaLn(1 + Guard.Positive(n, nameof(n)) / A, B));

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
        double log1MinusXa = Math.Log(-Numerics.Expm1(A * lx)); // 1 - x^a without cancellation
        return Math.Log(A) + Math.Log(B) + (A - 1) * lx + (B - 1) * log1MinusXa;
    }

    /// <inheritdoc />
    public double Cdf(double x)
    {
        if (x <= 0)
        {
            return 0;
        }

        if (x >= 1)
        {
            return 1;
        }

        double log1MinusXa = Math.Log(-Numerics.Expm1(A * Math.Log(x)));
        return -Numerics.Expm1(B * log1MinusXa);
    }

    /// <inheritdoc />
    public double Quantile(double p)
    {
        Guard.Probability(p, nameof(p));
        double inner = -Numerics.Expm1(Numerics.Log1p(-p) / B); // 1 - (1 - p)^(1/b)
        return Math.Exp(Math.Log(inner) / A);
    }

    /// <inheritdoc />
    public IReferenceDistribution WithParameters(IReadOnlyList<double> parameters)
    {
        Guard.Count(parameters, 2, Name);
        return new KumaraswamyReference(parameters[0], parameters[1]);
    }

    /// <inheritdoc />
    public override string ToString() => $"Kumaraswamy(a={A}, b={B})";
}
