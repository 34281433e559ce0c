using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Distributions;

/// <summary>Uniform(low, high) on [low, high): X = low + (high - low) U.</summary>
public sealed class Uniform : Distribution
{
    /// <summary>Creates the distribution.</summary>
    /// <param name="low">Lower end. Range: finite.</param>
    /// <param name="high">Upper end. Range: high &gt; low, finite.</param>
    /// <param name="validate">Check the ranges (one device-to-host sync per parameter).</param>
    public Uniform(Tensor low, Tensor high, bool validate = true)
        : this(ParameterSet.Create("Uniform", ("low", low), ("high", high)), validate)
    {
    }

    private Uniform(ParameterSet p, bool validate)
        : base("Uniform", Support.Real, p)
    {
        Low = p.Values[0];
        High = p.Values[1];
        if (validate)
        {
            ParameterValidation.Finite(Name, "low", Low);
            ParameterValidation.Finite(Name, "high", High);
            ParameterValidation.Less(Name, "low", Low, "high", High);
        }
    }

    /// <summary>Lower end.</summary>
    public Tensor Low { get; }

    /// <summary>Upper end.</summary>
    public Tensor High { get; }

    /// <inheritdoc/>
    public override Tensor Mean => ((Low + High) / 2.0).expand(BatchShape).clone();

    /// <inheritdoc/>
    public override Tensor Variance => ((High - Low).square() / 12.0).expand(BatchShape).clone();

    /// <inheritdoc/>
    public override bool HasEntropy => true;

    /// <inheritdoc/>
    public override Tensor RSample(long[]? sampleShape = null, Generator? generator = null)
    {
        using var scope = torch.NewDisposeScope();
        var u = torch.rand(ExtendedShape(sampleShape), DType, Device, generator: generator);
        return scope.MoveToOuter(Low + (High - Low) * u);
    }

    /// <summary>-log(high - low) on [low, high), -inf elsewhere.</summary>
    public override Tensor LogProb(Tensor value)
    {
        using var scope = torch.NewDisposeScope();
        var v = value.to(DType);
        var inside = v.ge(Low).logical_and(v.lt(High));
        var lp = Sampling.MaskedLogProb(inside, v, 0.0, x => -(High - Low).log() + torch.zeros_like(x));
        return scope.MoveToOuter(lp);
    }

    /// <summary>log(high - low).</summary>
    public override Tensor Entropy() => (High - Low).log().expand(BatchShape).clone();
}
