using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Distributions;

/// <summary>Shared reparameterized building blocks: log-space Gamma draws, uniform noise, open-interval clamps.</summary>
internal static class Sampling
{
    /// <summary>sampleShape ++ batchShape.</summary>
    public static long[] Extend(long[]? sampleShape, long[] batchShape)
        => sampleShape is null || sampleShape.Length == 0 ? batchShape : [.. sampleShape, .. batchShape];

    /// <summary>Smallest positive normal number of the dtype: the floor for draws and uniforms.</summary>
    public static double Tiny(ScalarType dtype) => dtype == ScalarType.Float32 ? 1.17549435e-38 : 2.2250738585072014e-308;

    /// <summary>Largest number below 1 in the dtype: 1 - 2^-24 (float32) or 1 - 2^-53 (float64).</summary>
    public static double OneMinusEps(ScalarType dtype) => dtype == ScalarType.Float32 ? 1.0 - Math.Pow(2, -24) : 1.0 - Math.Pow(2, -53);

    /// <summary>Uniform(0,1) noise bounded away from 0 so that its log is finite.</summary>
    public static Tensor Uniform(long[] shape, ScalarType dtype, Device device, Generator? generator)
        => torch.rand(shape, dtype, device, generator: generator).clamp_min(Tiny(dtype));

    /// <summary>
    /// log G with G ~ Gamma(alpha, 1), reparameterized. libtorch's <c>_standard_gamma</c> carries the
    /// implicit-reparameterization gradient d G / d alpha. For shapes below 1 the draw itself can
    /// underflow to 0 (and then log G = -inf and ratios are 0/0), so we use the boost identity
    /// G(a) = G(a+1) * U^(1/a) in log space: log G(a) = log G(a+1) + log(U)/a, fused into one addcdiv.
    /// (Measured: rand + log1p is about 5x faster than drawing -log U with exponential_ at 8192 draws.)
    /// The G(a+1) draw keeps the implicit gradient; the log(U)/a term adds its pathwise gradient -log(U)/a^2.
    /// When every shape is at least 1 the boost is skipped (a draw then underflows only with probability
    /// below the dtype's tiny; it is clamped to tiny for safety).
    /// </summary>
    /// <param name="alpha">Shapes, already expanded to the full draw shape.</param>
    /// <param name="generator">Optional generator for reproducible draws.</param>
    public static Tensor LogStandardGamma(Tensor alpha, Generator? generator)
    {
        using var scope = torch.NewDisposeScope();
        Tensor result;
        bool anySmall;
        using (torch.no_grad())
        {
            anySmall = alpha.lt(1.0).any().item<bool>();
        }

        if (anySmall)
        {
            var logBoosted = torch._standard_gamma(alpha + 1.0, generator).log();
            // log(1 - U) for U ~ Uniform[0, 1) is the log of a uniform on (0, 1]: finite, never log 0.
            var logU = torch.rand(alpha.shape, alpha.dtype, alpha.device, generator: generator).neg_().log1p_();
            result = logBoosted.addcdiv(logU, alpha);
        }
        else
        {
            result = torch._standard_gamma(alpha, generator).clamp_min(Tiny(alpha.dtype)).log();
        }

        return scope.MoveToOuter(result);
    }

    /// <summary>
    /// Keeps a (0,1)-valued draw strictly inside (0,1) by clamping to [tiny, 1 - eps] of the dtype.
    /// A draw is only clamped when the sigmoid that formed it is saturated, where its derivative
    /// x(1-x) has already underflowed to (almost) 0, so the clamp loses no usable gradient; a plain
    /// clamp is one kernel forward and backward (a straight-through version costs three).
    /// For extreme shapes a real share of the law lies closer to 0 or 1 than the dtype can represent
    /// (Beta(1, 0.01) puts 69% of its mass within 2^-53 of 1); those draws sit exactly at the clamp.
    /// </summary>
    public static Tensor ClampOpenUnit(Tensor x) => x.clamp(Tiny(x.dtype), OneMinusEps(x.dtype));

    /// <summary>Keeps a positive draw at or above tiny (only reached when exp underflows, where its derivative is ~0 too).</summary>
    public static Tensor ClampPositive(Tensor x) => x.clamp_min(Tiny(x.dtype));

    /// <summary>
    /// Evaluates <paramref name="logDensity"/> only on points strictly inside the support and returns
    /// -inf elsewhere (including the boundary points 0 and 1), without NaN values or NaN gradients:
    /// points outside are first replaced by a safe interior value (the double-where idiom).
    /// </summary>
    public static Tensor MaskedLogProb(Tensor inside, Tensor value, double safeValue, Func<Tensor, Tensor> logDensity)
    {
        using var scope = torch.NewDisposeScope();
        var safe = torch.where(inside, value, torch.full_like(value, safeValue));
        var lp = logDensity(safe);
        var result = torch.where(inside, lp, torch.full_like(lp, double.NegativeInfinity));
        return scope.MoveToOuter(result);
    }
}
