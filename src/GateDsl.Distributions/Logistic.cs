using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Distributions;

/// <summary>
/// Logistic(loc, scale) on the real line: X = loc + scale (log U - log(1 - U)). The noise of G2-LSTM
/// gates and of the binary Concrete.
/// </summary>
public sealed class Logistic : Distribution
{
    /// <summary>Creates the distribution.</summary>
    /// <param name="loc">Location. Range: finite.</param>
    /// <param name="scale">Scale. Range: scale &gt; 0.</param>
    /// <param name="validate">Check the ranges (one device-to-host sync per parameter).</param>
    public Logistic(Tensor loc, Tensor scale, bool validate = true)
        : this(ParameterSet.Create("Logistic", ("loc", loc), ("scale", scale)), validate)
    {
    }

    private Logistic(ParameterSet p, bool validate)
        : base("Logistic", Support.Real, p)
    {
        Loc = p.Values[0];
        Scale = p.Values[1];
        if (validate)
        {
            ParameterValidation.Finite(Name, "loc", Loc);
            ParameterValidation.Positive(Name, "scale", Scale);
        }
    }

    /// <summary>Location.</summary>
    public Tensor Loc { get; }

    /// <summary>Scale.</summary>
    public Tensor Scale { get; }

    /// <inheritdoc/>
    public override Tensor Mean => Loc.expand(BatchShape).clone();

    /// <summary>scale^2 pi^2 / 3.</summary>
    public override Tensor Variance => (Scale.square() * (Math.PI * Math.PI / 3.0)).expand(BatchShape).clone();

    /// <inheritdoc/>
    public override bool HasMode => true;

    /// <inheritdoc/>
    public override Tensor Mode => Loc.expand(BatchShape).clone();

    /// <inheritdoc/>
    public override bool HasEntropy => true;

    /// <inheritdoc/>
    public override Tensor RSample(long[]? sampleShape = null, Generator? generator = null)
    {
        using var scope = torch.NewDisposeScope();
        var u = Sampling.Uniform(ExtendedShape(sampleShape), DType, Device, generator);
        return scope.MoveToOuter(Loc + Scale * (u.log() - (-u).log1p()));
    }

    /// <summary>log p(x) = -z - log scale - 2 softplus(-z), z = (x - loc) / scale; -inf for non-finite x.</summary>
    public override Tensor LogProb(Tensor value)
    {
        using var scope = torch.NewDisposeScope();
        var v = value.to(DType);
        var lp = Sampling.MaskedLogProb(v.isfinite(), v, 0.0, x =>
        {
            var z = (x - Loc) / Scale;
            return -z - Scale.log() - 2.0 * torch.nn.functional.softplus(-z);
        });
        return scope.MoveToOuter(lp);
    }

    /// <summary>log scale + 2.</summary>
    public override Tensor Entropy() => (Scale.log() + 2.0).expand(BatchShape).clone();
}
