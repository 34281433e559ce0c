using TorchSharp;

namespace GateDsl.Validation.Tests;

/// <summary>
/// Deliberately wrong samplers for the power tests: each wraps the real toolkit sampler of one
/// family and perturbs it (parameters, gradient scale, or the dependence); other families pass through.
/// </summary>
internal sealed class WrongSampler : SamplerUnderTest
{
    private readonly string _family;
    private readonly Func<double[], double[]> _parameters;
    private readonly double _gradientScale;
    private readonly bool _independent;

    private WrongSampler(string family, string description, Func<double[], double[]>? parameters = null, double gradientScale = 1, bool independent = false)
    {
        _family = family;
        Description = description;
        _parameters = parameters ?? (p => p);
        _gradientScale = gradientScale;
        _independent = independent;
    }

    public override string Description { get; }

    /// <summary>Beta(a, b) drawn as Beta(b, a).</summary>
    public static WrongSampler SwappedBeta() => new("Beta", "Beta with swapped parameters", p => [p[1], p[0]]);

    /// <summary>The first shape 5% too large.</summary>
    public static WrongSampler FirstShapeOff(string family, double factor = 1.05) =>
        new(family, $"{family} with its first shape x {factor}", p => [p[0] * factor, .. p[1..]]);

    /// <summary>Parameter <paramref name="index"/> (in catalogue order) off by a factor: the real sampler is called with it.</summary>
    public static WrongSampler ParameterOff(string family, int index, double factor = 1.05)
    {
        var name = DistributionCatalogue.Get(family).ParameterNames[index];
        return new(family, $"{family} with {name} x {factor}", p =>
        {
            var q = (double[])p.Clone();
            q[index] *= factor;
            return q;
        });
    }

    /// <summary>Right draws, pathwise gradients scaled by a factor.</summary>
    public static WrongSampler GradientScaled(string family, double factor = 1.1) =>
        new(family, $"{family} with gradients x {factor}", gradientScale: factor);

    /// <summary>BivariateBeta(a, b, c) drawn as independent Beta(a, c) and Beta(b, c): right marginals, no correlation.</summary>
    public static WrongSampler IndependentOlkinLiu() => new("BivariateBeta", "Olkin-Liu marginals drawn independently", independent: true);

    public override double[][] Draw(CatalogueEntry entry, IReadOnlyList<double> parameters, int n, long seed, torch.ScalarType dtype = torch.ScalarType.Float64)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Name != _family)
        {
            return base.Draw(entry, parameters, n, seed, dtype);
        }

        if (_independent)
        {
            var beta = DistributionCatalogue.Get("Beta");
            var x = base.Draw(beta, [parameters[0], parameters[2]], n, seed, dtype)[0];
            var y = base.Draw(beta, [parameters[1], parameters[2]], n, seed ^ 0x5A5A5A5A, dtype)[0];
            return [x, y];
        }

        return base.Draw(entry, _parameters(parameters.ToArray()), n, seed, dtype);
    }

    public override PathwiseDraw DrawWithGradient(
        CatalogueEntry entry, IReadOnlyList<double> parameters, int parameterIndex, int component, int n, long seed, torch.ScalarType dtype = torch.ScalarType.Float64)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Name != _family)
        {
            return base.DrawWithGradient(entry, parameters, parameterIndex, component, n, seed, dtype);
        }

        var d = base.DrawWithGradient(entry, _parameters(parameters.ToArray()), parameterIndex, component, n, seed, dtype);
        return d with { Gradients = d.Gradients.Select(g => g * _gradientScale).ToArray() };
    }

    public override double[] LogProb(CatalogueEntry entry, IReadOnlyList<double> parameters, double[][] points, torch.ScalarType dtype = torch.ScalarType.Float64)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return base.LogProb(entry, entry.Name == _family ? _parameters(parameters.ToArray()) : parameters, points, dtype);
    }
}
