using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Distributions;

/// <summary>
/// Gamma(shape, rate) on (0, inf): density rate^shape x^(shape-1) e^(-rate x) / Gamma(shape).
/// Draws use libtorch's <c>_standard_gamma</c> (implicit reparameterization gradient), in log space
/// with the shape-boost identity for shapes below 1; draws below the dtype's smallest normal number
/// are clamped to it.
/// </summary>
public sealed class Gamma : Distribution
{
    /// <summary>Creates a Gamma distribution.</summary>
    /// <param name="shape">Shape (concentration). Range: shape &gt; 0.</param>
    /// <param name="rate">Rate (inverse scale). Range: rate &gt; 0.</param>
    /// <param name="validate">Check the ranges (one device-to-host sync per parameter).</param>
    public Gamma(Tensor shape, Tensor rate, bool validate = true)
        : this(ParameterSet.Create("Gamma", ("shape", shape), ("rate", rate)), validate)
    {
    }

    private Gamma(ParameterSet p, bool validate)
        : base("Gamma", Support.Positive, p)
    {
        Shape = p.Values[0];
        Rate = p.Values[1];
        if (validate)
        {
            ParameterValidation.Positive(Name, "shape", Shape);
            ParameterValidation.Positive(Name, "rate", Rate);
        }
    }

    /// <summary>Shape (concentration).</summary>
    public Tensor Shape { get; }

    /// <summary>Rate.</summary>
    public Tensor Rate { get; }

    /// <inheritdoc/>
    public override Tensor Mean => Shape / Rate;

    /// <inheritdoc/>
    public override Tensor Variance => Shape / Rate.square();

    /// <inheritdoc/>
    public override bool HasMode => true;

    /// <summary>(shape - 1) / rate for shape &gt;= 1, else 0 (the density is decreasing from the origin).</summary>
    public override Tensor Mode => ((Shape - 1.0) / Rate).clamp_min(0.0);

    /// <inheritdoc/>
    public override bool HasEntropy => true;

    /// <inheritdoc/>
    public override Tensor RSample(long[]? sampleShape = null, Generator? generator = null)
    {
        using var scope = torch.NewDisposeScope();
        var shape = ExtendedShape(sampleShape);
        // Log space keeps the gradient of log-losses finite when a draw is near the dtype's tiny.
        var logG = Sampling.LogStandardGamma(Shape.expand(shape), generator);
        var x = Sampling.ClampPositive(Sampling.Exp(logG - Sampling.Log(Rate)));
        return scope.MoveToOuter(x);
    }

    /// <inheritdoc/>
    public override Tensor LogProb(Tensor value)
    {
        using var scope = torch.NewDisposeScope();
        var v = value.to(DType);
        var inside = v.gt(0.0).logical_and(v.isfinite());
        var lp = Sampling.MaskedLogProb(inside, v, 1.0, x =>
            Shape * Rate.log() + (Shape - 1.0) * x.log() - Rate * x - Shape.lgamma());
        return scope.MoveToOuter(lp);
    }

    /// <summary>shape - log(rate) + lgamma(shape) + (1 - shape) digamma(shape).</summary>
    public override Tensor Entropy()
    {
        using var scope = torch.NewDisposeScope();
        var h = Shape - Rate.log() + Shape.lgamma() + (1.0 - Shape) * Shape.digamma();
        return scope.MoveToOuter(h);
    }
}
