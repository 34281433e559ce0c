using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Distributions;

/// <summary>
/// Gamma(shape, rate) on (0, inf): density rate^shape x^(shape-1) e^(-rate x) / Gamma(shape).
/// Draws use libtorch's <c>_standard_gamma</c> (implicit reparameterization gradient), in log space
/// with the shape-boost identity for shapes below 1; draws stay in [smallest normal, largest finite]
/// of the dtype. Log densities, moments and entropy are computed in float64 and rounded to the dtype.
/// </summary>
public sealed class Gamma : Distribution
{
    /// <summary>Creates a Gamma distribution.</summary>
    /// <param name="shape">Shape (concentration). Range: shape &gt; 0.</param>
    /// <param name="rate">Rate (inverse scale). Range: rate &gt; 0.</param>
    /// <param name="validate">Check the ranges (one device-to-host sync per parameter).</param>
    public Gamma(Tensor shape, Tensor rate, bool validate = true)
        : base("Gamma", Support.Positive, validate, NamedParameter.Positive("shape", shape), NamedParameter.Positive("rate", rate))
    {
        Shape = Parameters[0];
        Rate = Parameters[1];
    }

    /// <summary>Shape (concentration).</summary>
    public Tensor Shape { get; }

    /// <summary>Rate.</summary>
    public Tensor Rate { get; }

    /// <summary>shape / rate (float64 inside; beyond the dtype's range +inf).</summary>
    public override Tensor Mean
    {
        get
        {
            using var scope = torch.NewDisposeScope();
            return scope.MoveToOuter(Precision.Narrow(Precision.Wide(Shape) / Precision.Wide(Rate), DType));
        }
    }

    /// <summary>shape / rate^2 (float64 inside; beyond the dtype's range +inf).</summary>
    public override Tensor Variance
    {
        get
        {
            using var scope = torch.NewDisposeScope();
            var rate = Precision.Wide(Rate);
            return scope.MoveToOuter(Precision.Narrow(Precision.Wide(Shape) / rate / rate, DType));
        }
    }

    /// <inheritdoc/>
    public override bool HasMode => true;

    /// <summary>(shape - 1) / rate for shape &gt;= 1, else 0 (the density is decreasing from the origin).</summary>
    public override Tensor Mode => ((Shape - 1.0) / Rate).clamp_min(0.0);

    /// <inheritdoc/>
    public override bool HasEntropy => true;

    /// <summary>
    /// G / rate with G ~ Gamma(shape, 1) from <c>_standard_gamma</c>, in log space (boosted below shape 1).
    /// Outside the fast path (shape or rate beyond <see cref="Sampling.FastLow"/>..<see cref="Sampling.FastHigh"/>)
    /// the draw is formed in float64 and saturates at [tiny, largest finite] of the dtype with gradient
    /// 0 there (Gamma(1e-310) draws are all tiny; Gamma(1e8, 1e-38) in float32 is beyond float32). A gradient
    /// beyond the dtype's range (dX/drate = -X/rate at huge draws and tiny rates) is its largest finite value.
    /// </summary>
    public override Tensor RSample(long[]? sampleShape = null, Generator? generator = null)
    {
        using var scope = torch.NewDisposeScope();
        var shape = ExtendedShape(sampleShape);
        var ranges = Sampling.Ranges(Shape, Rate);
        Tensor x;
        if (Sampling.IsFast((Math.Min(ranges[0].Min, ranges[1].Min), Math.Max(ranges[0].Max, ranges[1].Max)), DType))
        {
            // Log space keeps the gradient of log-losses finite when a draw is near the dtype's tiny.
            var logG = Sampling.LogStandardGamma(Shape.expand(shape), ranges[0].Min < 1.0, generator);
            x = Sampling.ClampPositive(Sampling.Exp(logG - Sampling.Log(Rate)));
        }
        else
        {
            // Widened before the expansion, so the draws' gradients are summed in float64 and then clamped to the
            // dtype's finite range (SaturatingGradient: dX/drate = -X/rate exceeds float32 at huge draws, tiny rates).
            var a = SaturatingGradient.Apply(Precision.Wide(Shape), DType).expand(shape);
            var logB = torch._standard_gamma(a + 1.0, generator).log();
            Tensor logU;
            using (torch.no_grad())
            {
                logU = Sampling.LogUniform(shape, ScalarType.Float64, a.device, generator);
            }

            var wide = Saturation.Clamp(
                [a, SaturatingGradient.Apply(Precision.Wide(Rate), DType), logB, logU],
                [1.0, 1.0, 0.0, -1.0],
                t => (t[2] + t[3] / t[0] - t[1].log()).exp(),
                Sampling.Tiny(DType),
                Precision.MaxFinite(DType));
            x = Sampling.ClampPositive(Precision.Narrow(wide, DType));
        }

        return scope.MoveToOuter(x);
    }

    /// <summary>
    /// shape log(rate) + (shape - 1) log x - rate x - lgamma(shape) on (0, inf), in float64; at 0 the
    /// density's limit (+inf for shape &lt; 1, rate for shape = 1: Gamma(1, 1) at 0 is 1, 0 for shape &gt; 1).
    /// </summary>
    public override Tensor LogProb(Tensor value)
    {
        using var scope = torch.NewDisposeScope();
        var (a, r) = (Precision.Wide(Shape), Precision.Wide(Rate));
        var v = Precision.Wide(value.to(DType));
        var lp = SupportEnds.HalfLine(v, DType,
            x => a * r.log() + (a - 1.0) * x.log() - r * x - a.lgamma(),
            SupportEnds.Limit(a - 1.0, r.log()));
        return scope.MoveToOuter(lp);
    }

    /// <summary>shape - log(rate) + lgamma(shape) + (1 - shape) digamma(shape), in float64.</summary>
    public override Tensor Entropy()
    {
        using var scope = torch.NewDisposeScope();
        var (a, r) = (Precision.Wide(Shape), Precision.Wide(Rate));
        var h = a - r.log() + a.lgamma() + (1.0 - a) * a.digamma();
        return scope.MoveToOuter(Precision.Narrow(h, DType));
    }
}
