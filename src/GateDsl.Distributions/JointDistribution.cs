using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Distributions;

/// <summary>
/// A distribution of a correlated pair (X, Y) on (0,1)^2, such as an input and a forget gate.
/// Draws are returned as a tuple so that <c>var (i, f) = dist.RSample();</c> reads naturally.
/// </summary>
public abstract class JointDistribution : ParameterizedDistribution
{
    /// <summary>See <see cref="ParameterizedDistribution"/>; each component lives in the open unit interval.</summary>
    private protected JointDistribution(string name, bool validate, params NamedParameter[] parameters)
        : base(name, Support.UnitInterval, validate, parameters)
    {
    }

    /// <summary>Exact marginal law of X.</summary>
    public abstract Beta MarginalX { get; }

    /// <summary>Exact marginal law of Y.</summary>
    public abstract Beta MarginalY { get; }

    /// <summary>Means of X and Y (those of the marginals).</summary>
    public (Tensor X, Tensor Y) Mean => (MarginalX.Mean, MarginalY.Mean);

    /// <summary>Variances of X and Y (those of the marginals).</summary>
    public (Tensor X, Tensor Y) Variance => (MarginalX.Variance, MarginalY.Variance);

    /// <summary>A reparameterized draw of the pair; each of shape sampleShape ++ BatchShape.</summary>
    public abstract (Tensor X, Tensor Y) RSample(long[]? sampleShape = null, Generator? generator = null);

    /// <summary>A draw like <see cref="RSample"/> but outside the autograd graph.</summary>
    public (Tensor X, Tensor Y) Sample(long[]? sampleShape = null, Generator? generator = null)
    {
        using var noGrad = torch.no_grad();
        return RSample(sampleShape, generator);
    }

    /// <summary>Joint log density; -inf outside the open square (0,1)^2; never NaN.</summary>
    public abstract Tensor LogProb(Tensor x, Tensor y);

    /// <summary>Pearson correlation of X and Y per batch element (see the subclass for how it is computed).</summary>
    public abstract Tensor Correlation();

    /// <summary>Full draw shape for a given sample shape.</summary>
    protected long[] ExtendedShape(long[]? sampleShape) => Sampling.Extend(sampleShape, BatchShape);
}
