using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Distributions;

/// <summary>Normal(mu, sigma) on the real line: X = mu + sigma Z, Z ~ Normal(0, 1).</summary>
public sealed class Normal : Distribution
{
    /// <summary>Creates the distribution.</summary>
    /// <param name="mu">Mean. Range: finite.</param>
    /// <param name="sigma">Standard deviation. Range: sigma &gt; 0.</param>
    /// <param name="validate">Check the ranges (one device-to-host sync per parameter).</param>
    public Normal(Tensor mu, Tensor sigma, bool validate = true)
        : base("Normal", Support.Real, validate, NamedParameter.Finite("mu", mu), NamedParameter.Positive("sigma", sigma))
    {
        Mu = Parameters[0];
        Sigma = Parameters[1];
    }

    /// <summary>Mean.</summary>
    public Tensor Mu { get; }

    /// <summary>Standard deviation.</summary>
    public Tensor Sigma { get; }

    /// <inheritdoc/>
    public override Tensor Mean => Mu.expand(BatchShape).clone();

    /// <summary>sigma^2 (float64 inside; beyond the dtype's range +inf).</summary>
    public override Tensor Variance
    {
        get
        {
            using var scope = torch.NewDisposeScope();
            return scope.MoveToOuter(Precision.Narrow(Precision.Wide(Sigma).square(), DType).expand(BatchShape).clone());
        }
    }

    /// <inheritdoc/>
    public override bool HasMode => true;

    /// <inheritdoc/>
    public override Tensor Mode => Mu.expand(BatchShape).clone();

    /// <inheritdoc/>
    public override bool HasEntropy => true;

    /// <summary>mu + sigma Z, saturated at the dtype's largest finite value.</summary>
    public override Tensor RSample(long[]? sampleShape = null, Generator? generator = null)
    {
        using var scope = torch.NewDisposeScope();
        var z = torch.randn(ExtendedShape(sampleShape), DType, Device, generator: generator);
        return scope.MoveToOuter(Sampling.ClampFinite(Mu + Sigma * z));
    }

    /// <summary>-(x - mu)^2 / (2 sigma^2) - log sigma - log(2 pi)/2, in float64; -inf at +-inf and NaN.</summary>
    public override Tensor LogProb(Tensor value)
    {
        using var scope = torch.NewDisposeScope();
        var (mu, sigma) = (Precision.Wide(Mu), Precision.Wide(Sigma));
        var v = Precision.Wide(value.to(DType));
        var lp = SupportEnds.RealLine(v, DType, x =>
            -0.5 * ((x - mu) / sigma).square() - sigma.log() - 0.5 * Math.Log(2.0 * Math.PI));
        return scope.MoveToOuter(lp);
    }

    /// <summary>log(sigma) + log(2 pi e)/2.</summary>
    public override Tensor Entropy() => (Sigma.log() + 0.5 * Math.Log(2.0 * Math.PI * Math.E)).expand(BatchShape).clone();
}
