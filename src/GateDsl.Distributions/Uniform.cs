using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Distributions;

/// <summary>Uniform(low, high) on [low, high): X = low + (high - low) U; its density 1/(high - low) on [low, high].</summary>
public sealed class Uniform : Distribution
{
    /// <summary>Creates the distribution.</summary>
    /// <param name="low">Lower end. Range: finite.</param>
    /// <param name="high">Upper end. Range: high &gt; low, finite.</param>
    /// <param name="validate">Check the ranges (one device-to-host sync per parameter).</param>
    public Uniform(Tensor low, Tensor high, bool validate = true)
        : base("Uniform", Support.Real, validate, NamedParameter.Finite("low", low), NamedParameter.Finite("high", high))
    {
        Low = Parameters[0];
        High = Parameters[1];
        if (validate)
        {
            ParameterValidation.Less(Name, "low", Low, "high", High);
        }
    }

    /// <summary>Lower end.</summary>
    public Tensor Low { get; }

    /// <summary>Upper end.</summary>
    public Tensor High { get; }

    /// <summary>(low + high) / 2, as low/2 + high/2 (no overflow).</summary>
    public override Tensor Mean
    {
        get
        {
            using var scope = torch.NewDisposeScope();
            var m = 0.5 * Precision.Wide(Low) + 0.5 * Precision.Wide(High);
            return scope.MoveToOuter(Precision.Narrow(m, DType).expand(BatchShape).clone());
        }
    }

    /// <summary>(high - low)^2 / 12 (float64 inside; beyond the dtype's range +inf).</summary>
    public override Tensor Variance
    {
        get
        {
            using var scope = torch.NewDisposeScope();
            var halfWidth = 0.5 * Precision.Wide(High) - 0.5 * Precision.Wide(Low);
            return scope.MoveToOuter(Precision.Narrow(halfWidth.square() / 3.0, DType).expand(BatchShape).clone());
        }
    }

    /// <inheritdoc/>
    public override bool HasEntropy => true;

    /// <summary>
    /// low + (high - low) U, kept in [low, high): a draw that rounds up to high (Uniform(100, 101) in float32
    /// gave 10 such draws in 4e6) becomes the largest value of the dtype below high. Where high - low
    /// overflows (bounds near +-1.8e308) the draw is low (1 - U) + high U.
    /// </summary>
    public override Tensor RSample(long[]? sampleShape = null, Generator? generator = null)
    {
        using var scope = torch.NewDisposeScope();
        var u = torch.rand(ExtendedShape(sampleShape), DType, Device, generator: generator);
        var width = High - Low;
        var x = torch.where(width.isfinite(), Low + width * u, Low * (1.0 - u) + High * u);
        // The largest value below high, with high's gradient (nextafter has no derivative).
        var gap = (High.detach() - torch.nextafter(High.detach(), torch.full_like(High, double.NegativeInfinity))).detach();
        return scope.MoveToOuter(torch.minimum(torch.maximum(x, Low), High - gap));
    }

    /// <summary>
    /// -log(high - low) on [low, high] (the density's value at both ends, where it is finite; draws never
    /// reach high), -inf elsewhere. In float64; where high - low overflows, log(high - low) = log(high/2 - low/2) + log 2.
    /// </summary>
    public override Tensor LogProb(Tensor value)
    {
        using var scope = torch.NewDisposeScope();
        var (low, high) = (Precision.Wide(Low), Precision.Wide(High));
        var v = Precision.Wide(value.to(DType));
        var inside = v.ge(low).logical_and(v.le(high));
        // Halved only where high - low overflows; at subnormal ends the halves underflow to 0 (log 0 = -inf).
        var width = high - low;
        var finite = width.isfinite();
        var density = -torch.where(finite, torch.where(finite, width, 1.0).log(), torch.where(finite, 1.0, 0.5 * high - 0.5 * low).log() + SpecialFunctions.Ln2);
        var lp = torch.where(inside, density, double.NegativeInfinity);
        return scope.MoveToOuter(Precision.NarrowLogDensity(lp, inside, DType));
    }

    /// <summary>log(high - low).</summary>
    public override Tensor Entropy()
    {
        using var scope = torch.NewDisposeScope();
        var h = (0.5 * Precision.Wide(High) - 0.5 * Precision.Wide(Low)).log() + SpecialFunctions.Ln2;
        return scope.MoveToOuter(Precision.Narrow(h, DType).expand(BatchShape).clone());
    }
}
