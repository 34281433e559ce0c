using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace GateDsl.Reference;

/// <summary>Beta(a, b): density x^(a-1) (1-x)^(b-1) / B(a, b) on (0, 1).</summary>
public sealed class BetaReference : UnitIntervalReference
{
    private readonly double _logNorm;

    /// <summary>Creates Beta(a, b). Range: a &gt; 0, b &gt; 0.</summary>
    public BetaReference(double a, double b)
        : base("Beta", "a", "b")
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
    public override IReadOnlyList<double> Parameters => [A, B];

    /// <inheritdoc />
    /// <remarks>1 / (1 + b/a): neither tiny nor huge shapes overflow.</remarks>
    public override double Mean => 1 / (1 + B / A);

    /// <inheritdoc />
    /// <remarks>m (1 - m) / (a + b + 1) with 1 - m = 1 / (1 + a/b): (a + b)^2 underflows at a = b = 1e-310.</remarks>
    public override double Variance => Mean / (1 + A / B) / (A + B + 1);

    /// <inheritdoc />
    private protected override double LogPdfInside(double logX, double logComplement)
        => (A - 1) * logX + (B - 1) * logComplement - _logNorm;

    /// <inheritdoc />
    private protected override double CdfInside(double x) => SpecialFunctions.BetaRegularized(A, B, x);

    /// <inheritdoc />
    public override double Quantile(double p) => Inversion.Quantile(Cdf, Support, p);

    /// <inheritdoc />
    private protected override IReferenceDistribution Create(IReadOnlyList<double> parameters) => new BetaReference(parameters[0], parameters[1]);

    /// <summary>A MathNet twin, for agreement tests and for drawing reference samples.</summary>
    public Beta ToMathNet(System.Random random) => new(A, B, random);
}
