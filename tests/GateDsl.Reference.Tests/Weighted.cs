using GateDsl.Reference;

namespace GateDsl.Reference.Tests;

/// <summary>Wraps a law so that its "density" is h(x) f(x): lets the x-space integrator compute moments.</summary>
internal sealed class Weighted(IReferenceDistribution inner, Func<double, double> h) : IReferenceDistribution
{
    public string Name => inner.Name;

    public IReadOnlyList<string> ParameterNames => inner.ParameterNames;

    public IReadOnlyList<double> Parameters => inner.Parameters;

    public SupportKind Support => inner.Support;

    public double SupportLower => inner.SupportLower;

    public double SupportUpper => inner.SupportUpper;

    public double Mean => inner.Mean;

    public double Variance => inner.Variance;

    public double Pdf(double x) => h(x) * inner.Pdf(x);

    public double LogPdf(double x) => Math.Log(Pdf(x));

    public double Cdf(double x) => inner.Cdf(x);

    public double Quantile(double p) => inner.Quantile(p);

    public IReferenceDistribution WithParameters(IReadOnlyList<double> parameters) => throw new NotSupportedException();
}
