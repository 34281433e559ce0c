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
    /// G(a) = G(a+1) * U^(1/a) in log space: log G(a) = log G(a+1) + log(U)/a. The G(a+1) draw keeps
    /// the implicit gradient; the log(U)/a term adds its own pathwise gradient -log(U)/a^2.
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
            var boosted = torch._standard_gamma(alpha + 1.0, generator);
            var u = Uniform(alpha.shape, alpha.dtype, alpha.device, generator);
            result = boosted.log() + u.log() / alpha;
        }
        else
        {
            // Shape >= 1: a draw underflows only with probability below the dtype's tiny; clamp for safety.
            result = torch._standard_gamma(alpha, generator).clamp_min(Tiny(alpha.dtype)).log();
        }

        return scope.MoveToOuter(result);
    }

    /// <summary>
    /// Keeps a (0,1)-valued draw strictly inside (0,1): values are clamped to [tiny, 1 - eps] of the
    /// dtype, but the gradient passes straight through the clamp (x + (clamp(x) - x).detach()), so a
    /// saturated draw does not silently lose its pathwise gradient.
    /// </summary>
    public static Tensor ClampOpenUnit(Tensor x)
    {
        using var scope = torch.NewDisposeScope();
        var clamped = x.clamp(Tiny(x.dtype), OneMinusEps(x.dtype));
        var result = x.requires_grad ? x + (clamped - x).detach() : clamped;
        return scope.MoveToOuter(result);
    }

    /// <summary>Keeps a positive draw at or above tiny, with a straight-through gradient.</summary>
    public static Tensor ClampPositive(Tensor x)
    {
        using var scope = torch.NewDisposeScope();
        var clamped = x.clamp_min(Tiny(x.dtype));
        var result = x.requires_grad ? x + (clamped - x).detach() : clamped;
        return scope.MoveToOuter(result);
    }

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
