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
        : base("Logistic", Support.Real, validate, NamedParameter.Finite("loc", loc), NamedParameter.Positive("scale", scale))
    {
        Loc = Parameters[0];
        Scale = Parameters[1];
    }

    /// <summary>Location.</summary>
    public Tensor Loc { get; }

    /// <summary>Scale.</summary>
    public Tensor Scale { get; }

    /// <inheritdoc/>
    public override Tensor Mean => Loc.expand(BatchShape).clone();

    /// <summary>scale^2 pi^2 / 3 (float64 inside; beyond the dtype's range +inf).</summary>
    public override Tensor Variance
    {
        get
        {
            using var scope = torch.NewDisposeScope();
            var v = Precision.Wide(Scale).square() * (Math.PI * Math.PI / 3.0);
            return scope.MoveToOuter(Precision.Narrow(v, DType).expand(BatchShape).clone());
        }
    }

    /// <inheritdoc/>
    public override bool HasMode => true;

    /// <inheritdoc/>
    public override Tensor Mode => Loc.expand(BatchShape).clone();

    /// <inheritdoc/>
    public override bool HasEntropy => true;

    /// <summary>loc + scale (log U - log(1 - U)), saturated at the dtype's largest finite value.</summary>
    public override Tensor RSample(long[]? sampleShape = null, Generator? generator = null)
    {
        using var scope = torch.NewDisposeScope();
        var u = Sampling.Uniform(ExtendedShape(sampleShape), DType, Device, generator);
        return scope.MoveToOuter(Sampling.ClampFinite(Loc + Scale * (u.log() - (-u).log1p())));
    }

    /// <summary>
    /// log p(x) = -|z| - 2 log1p(e^-|z|) - log scale, z = (x - loc) / scale, in float64 (no cancellation, no
    /// overflow); -inf at +-inf and NaN.
    /// </summary>
    public override Tensor LogProb(Tensor value)
    {
        using var scope = torch.NewDisposeScope();
        var (loc, scale) = (Precision.Wide(Loc), Precision.Wide(Scale));
        var v = Precision.Wide(value.to(DType));
        var lp = SupportEnds.RealLine(v, DType, x =>
        {
            var z = ((x - loc) / scale).abs();
            return -z - 2.0 * (-z).exp().log1p() - scale.log();
        });
        return scope.MoveToOuter(lp);
    }

    /// <summary>log scale + 2.</summary>
    public override Tensor Entropy() => (Scale.log() + 2.0).expand(BatchShape).clone();
}
