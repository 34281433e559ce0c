namespace GateDsl.Reference;

/// <summary>
/// The plumbing every reference law on the open unit interval (0, 1) shares: name and parameter
/// list, the support's ends, the density from its log, the log density from x and 1 - x taken
/// separately (<see cref="IUnitIntervalLogDensity"/>: near 1 the value x alone has lost 1 - x), the
/// CDF's values outside (0, 1), the parameter count of <see cref="WithParameters"/> and the
/// <c>Name(p=v, ...)</c> text. A law supplies only what is its own: the log density from
/// log x and log(1 - x), the CDF inside (0, 1), the quantile and the moments.
/// </summary>
public abstract class UnitIntervalReference : IReferenceDistribution, IUnitIntervalLogDensity
{
    private readonly string[] _parameterNames;

    /// <summary>Names the law and its parameters, in the order of <see cref="Parameters"/>.</summary>
    private protected UnitIntervalReference(string name, params string[] parameterNames)
    {
        Name = name;
        _parameterNames = parameterNames;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> ParameterNames => _parameterNames;

    /// <inheritdoc />
    public abstract IReadOnlyList<double> Parameters { get; }

    /// <inheritdoc />
    public SupportKind Support => SupportKind.UnitInterval;

    /// <inheritdoc />
    public double SupportLower => 0;

    /// <inheritdoc />
    public double SupportUpper => 1;

    /// <inheritdoc />
    public abstract double Mean { get; }

    /// <inheritdoc />
    public abstract double Variance { get; }

    /// <inheritdoc />
    public double Pdf(double x) => Math.Exp(LogPdf(x));

    /// <inheritdoc />
    public double LogPdf(double x) => LogPdf(x, 1 - x);

    /// <summary>
    /// log f(x) given x and 1 - x computed separately (accurate next to 1); negative infinity unless
    /// both are positive.
    /// </summary>
    public double LogPdf(double x, double complement)
    {
        if (!(x > 0 && complement > 0))
        {
            return double.NegativeInfinity;
        }

        return LogPdfInside(Numerics.LogFromComplement(x, complement), Numerics.LogFromComplement(complement, x));
    }

    /// <inheritdoc />
    public double Cdf(double x) => x <= 0 ? 0 : x >= 1 ? 1 : CdfInside(x);

    /// <inheritdoc />
    public abstract double Quantile(double p);

    /// <inheritdoc />
    public IReferenceDistribution WithParameters(IReadOnlyList<double> parameters)
    {
        Guard.Count(parameters, _parameterNames.Length, Name);
        return Create(parameters);
    }

    /// <inheritdoc />
    public override string ToString()
        => $"{Name}({string.Join(", ", _parameterNames.Zip(Parameters, (name, value) => $"{name}={value}"))})";

    /// <summary>log f(x) from log x and log(1 - x), both finite (x strictly inside (0, 1)).</summary>
    private protected abstract double LogPdfInside(double logX, double logComplement);

    /// <summary>P(X &lt;= x) for x strictly inside (0, 1).</summary>
    private protected abstract double CdfInside(double x);

    /// <summary>The same law at <paramref name="parameters"/>, whose count is already checked.</summary>
    private protected abstract IReferenceDistribution Create(IReadOnlyList<double> parameters);
}
