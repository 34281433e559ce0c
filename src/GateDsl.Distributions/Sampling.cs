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
    /// G(a) = G(a+1) * U^(1/a) in log space: log G(a) = log G(a+1) + log(U)/a, fused into one addcdiv,
    /// with U = 1 - rand in (0, 1] so log U is finite. The G(a+1) draw keeps the implicit gradient;
    /// the log(U)/a term adds its pathwise gradient -log(U)/a^2. When every shape is at least 1 the
    /// boost is skipped (one host sync per call decides; a draw then underflows only with probability
    /// below the dtype's tiny, and is clamped to tiny for safety).
    /// </summary>
    /// <param name="alpha">Shapes, already expanded to the full draw shape.</param>
    /// <param name="generator">Optional generator for reproducible draws.</param>
    public static Tensor LogStandardGamma(Tensor alpha, Generator? generator)
    {
        using var scope = torch.NewDisposeScope();
        Tensor result;
        if (AnyBelowOne(alpha))
        {
            var logBoosted = Log(torch._standard_gamma(alpha + 1.0, generator));
            var logU = Log(1.0 - torch.rand(alpha.shape, alpha.dtype, alpha.device, generator: generator));
            result = logBoosted.addcdiv(logU, alpha);
        }
        else
        {
            result = Log(torch._standard_gamma(alpha, generator).clamp_min(Tiny(alpha.dtype)));
        }

        return scope.MoveToOuter(result);
    }

    /// <summary>
    /// Natural log as xlogy(1, x). Why not <c>log</c>: measured on a loaded 2-core host at 2 libtorch
    /// threads, a Beta draw with backward took 15.5 ms with <c>log</c>/<c>log1p</c> and 1.4 ms with this
    /// (1.2 ms either way at 1 thread; see docs/distributions-benchmark.md). The likely cause: libtorch
    /// computes log, log1p and exp on CPU through its vector-math path, which splits even a gate-sized
    /// tensor (8192 values) across OpenMP workers, and idle workers then spin against the main thread.
    /// xlogy is an ordinary vectorized kernel that stays serial at this size; the value and the gradient
    /// (1/x) are the same. The 1 is a 0-dimensional tensor, broadcast.
    /// </summary>
    public static Tensor Log(Tensor x)
    {
        using var scope = torch.NewDisposeScope();
        return scope.MoveToOuter(torch.tensor(1.0, x.dtype, x.device).xlogy(x));
    }

    /// <summary>
    /// e^x as pow(e, x), for the same reason as <see cref="Log"/>. The base is a 0-dimensional tensor,
    /// so the backward's log(base) is one value; value and gradient (e^x) agree with exp to a few ulp.
    /// </summary>
    public static Tensor Exp(Tensor x)
    {
        using var scope = torch.NewDisposeScope();
        return scope.MoveToOuter(torch.tensor(Math.E, x.dtype, x.device).pow(x));
    }

    private static bool AnyBelowOne(Tensor alpha)
    {
        using var noGrad = torch.no_grad();
        using var below = alpha.lt(1.0);
        using var any = below.any();
        return any.item<bool>();
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
