using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Distributions;

/// <summary>
/// A univariate distribution on TorchSharp tensors with batch shape, reparameterized draws and a
/// closed-form log density. Parameters are the caller's tensors (not owned, never disposed here).
/// </summary>
public abstract class Distribution : ParameterizedDistribution
{
    /// <summary>See <see cref="ParameterizedDistribution"/>.</summary>
    private protected Distribution(string name, Support support, bool validate, params NamedParameter[] parameters)
        : base(name, support, validate, parameters)
    {
    }

    /// <summary>Mean, with the batch shape.</summary>
    public abstract Tensor Mean { get; }

    /// <summary>Variance, with the batch shape.</summary>
    public abstract Tensor Variance { get; }

    /// <summary>Whether <see cref="Mode"/> is defined for this distribution family.</summary>
    public virtual bool HasMode => false;

    /// <summary>Mode, with the batch shape. Throws <see cref="NotSupportedException"/> where not defined.</summary>
    public virtual Tensor Mode => throw new NotSupportedException($"{Name}: no closed-form mode.");

    /// <summary>Whether <see cref="Entropy"/> has a closed form for this distribution family.</summary>
    public virtual bool HasEntropy => false;

    /// <summary>
    /// A reparameterized draw of shape sampleShape ++ BatchShape: differentiable with respect to every
    /// parameter (pathwise gradient).
    /// </summary>
    /// <param name="sampleShape">Leading sample dimensions; none by default.</param>
    /// <param name="generator">Optional generator; the same seed gives identical draws.</param>
    public abstract Tensor RSample(long[]? sampleShape = null, Generator? generator = null);

    /// <summary>A draw like <see cref="RSample"/> but outside the autograd graph.</summary>
    public Tensor Sample(long[]? sampleShape = null, Generator? generator = null)
    {
        using var noGrad = torch.no_grad();
        return RSample(sampleShape, generator);
    }

    /// <summary>
    /// Log density at <paramref name="value"/> (broadcast against the batch shape). Points outside the
    /// open support, including the boundary points, give -inf; never NaN.
    /// </summary>
    public abstract Tensor LogProb(Tensor value);

    /// <summary>Differential entropy, with the batch shape. Throws <see cref="NotSupportedException"/> without a closed form.</summary>
    public virtual Tensor Entropy() => throw new NotSupportedException($"{Name}: no closed-form entropy.");

    /// <summary>Full draw shape for a given sample shape.</summary>
    protected long[] ExtendedShape(long[]? sampleShape) => Sampling.Extend(sampleShape, BatchShape);
}
