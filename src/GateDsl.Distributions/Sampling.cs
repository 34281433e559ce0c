using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Distributions;

/// <summary>
/// Shared building blocks of the samplers: draw shapes, the dtype's faithful range, uniform noise,
/// log-space Gamma draws, and the clamps that keep a draw inside the support the dtype can represent.
/// </summary>
internal static class Sampling
{
    /// <summary>
    /// Parameters inside these bounds take the samplers' fast path, in the distribution's dtype: there
    /// every intermediate value and local derivative is finite (checked in both dtypes: the largest,
    /// d log G / d shape = -log(U) / shape^2, is at most 1.7e25 at shape 1e-12 in float32), so a clamp
    /// alone gives saturated draws gradient 0. Outside them the draws go through the float64, saturating
    /// path of <see cref="Saturation"/> and <see cref="GammaRatio"/>.
    /// </summary>
    public const double FastLow = 1e-12;

    /// <summary>Upper bound of the fast path for shapes and scales (see <see cref="FastLow"/>).</summary>
    public static double FastHigh(ScalarType dtype) => dtype == ScalarType.Float32 ? 1e6 : 1e12;

    /// <summary>sampleShape ++ batchShape.</summary>
    public static long[] Extend(long[]? sampleShape, long[] batchShape)
        => sampleShape is null || sampleShape.Length == 0 ? batchShape : [.. sampleShape, .. batchShape];

    /// <summary>Smallest positive normal number of the dtype: the floor for draws and uniforms.</summary>
    public static double Tiny(ScalarType dtype) => dtype == ScalarType.Float32 ? 1.17549435e-38 : 2.2250738585072014e-308;

    /// <summary>Largest number below 1 in the dtype: 1 - 2^-24 (float32) or 1 - 2^-53 (float64).</summary>
    public static double OneMinusEps(ScalarType dtype) => dtype == ScalarType.Float32 ? 1.0 - Math.Pow(2, -24) : 1.0 - Math.Pow(2, -53);

    /// <summary>
    /// Uniform(0,1) noise in (0, 1): <c>rand</c> returns multiples of 2^-24 (float32) or 2^-53 (float64)
    /// from 0 up, and a 0 stands for the first cell [0, 2^-24), so it becomes that cell's midpoint
    /// 2^-25 (2^-54). (Clamping it to the smallest normal instead, as before, put the draw far out in
    /// a tail and made d/db log1p(-u)/b underflow while the next factor overflowed: NaN gradients in
    /// float32 Kumaraswamy draws with b &gt; 4.)
    /// </summary>
    public static Tensor Uniform(long[] shape, ScalarType dtype, Device device, Generator? generator)
        => torch.rand(shape, dtype, device, generator: generator).clamp_min(HalfCell(dtype));

    /// <summary>Half the spacing of <c>rand</c>'s grid: 2^-25 (float32) or 2^-54 (float64).</summary>
    public static double HalfCell(ScalarType dtype) => dtype == ScalarType.Float32 ? Math.Pow(2, -25) : Math.Pow(2, -54);

    /// <summary>
    /// e^x for x &lt;= 0, as 1 + expm1(x) near 0: libtorch's exp is not correctly rounded there
    /// (exp(-2^-54) gives 1 - 2^-53 instead of 1), and a draw next to 1 must be rounded correctly.
    /// </summary>
    public static Tensor ExpNonPositive(Tensor x)
    {
        using var scope = torch.NewDisposeScope();
        var near = x.gt(-SpecialFunctions.Ln2);
        var result = torch.where(near, torch.where(near, x, 0.0).expm1() + 1.0, torch.where(near, -1.0, x).exp());
        return scope.MoveToOuter(result);
    }

    /// <summary>log U with U = 1 - rand in (0, 1]: finite, 0 when rand is 0.</summary>
    public static Tensor LogUniform(long[] shape, ScalarType dtype, Device device, Generator? generator)
    {
        using var scope = torch.NewDisposeScope();
        return scope.MoveToOuter((1.0 - torch.rand(shape, dtype, device, generator: generator)).log());
    }

    /// <summary>Smallest and largest element over all the tensors (one device-to-host sync).</summary>
    public static (double Min, double Max) Range(params Tensor[] values)
    {
        var each = Ranges(values);
        return (each.Min(r => r.Min), each.Max(r => r.Max));
    }

    /// <summary>Smallest and largest element of each tensor (one device-to-host sync for all of them).</summary>
    public static (double Min, double Max)[] Ranges(params Tensor[] values)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var stacked = torch.stack(values.SelectMany(v => new[] { v.detach().min().to(ScalarType.Float64), v.detach().max().to(ScalarType.Float64) }).ToArray());
        var both = stacked.cpu().data<double>().ToArray();
        return values.Select((_, i) => (both[2 * i], both[(2 * i) + 1])).ToArray();
    }

    /// <summary>Whether a parameter range takes the fast path in <paramref name="dtype"/>.</summary>
    public static bool IsFast((double Min, double Max) range, ScalarType dtype)
        => range.Min >= FastLow && range.Max <= FastHigh(dtype);

    /// <summary>
    /// log G with G ~ Gamma(alpha, 1), reparameterized, in alpha's dtype, for the fast path. libtorch's
    /// <c>_standard_gamma</c> carries the implicit-reparameterization gradient d G / d alpha. For shapes
    /// below 1 the draw itself can underflow to 0 (and then log G = -inf and ratios are 0/0), so we use
    /// the boost identity G(a) = G(a+1) * U^(1/a) in log space: log G(a) = log G(a+1) + log(U)/a, fused
    /// into one addcdiv, with U = 1 - rand in (0, 1] so log U is finite. The G(a+1) draw keeps the
    /// implicit gradient; the log(U)/a term adds its pathwise gradient -log(U)/a^2. When every shape is
    /// at least 1 the boost is skipped (the caller's one host sync decides; a draw then underflows only
    /// with probability below the dtype's tiny, and is clamped to tiny for safety).
    /// </summary>
    /// <param name="alpha">Shapes, already expanded to the full draw shape.</param>
    /// <param name="boost">Whether some shape is below 1 (the smallest shape, from <see cref="Range"/>).</param>
    /// <param name="generator">Optional generator for reproducible draws.</param>
    public static Tensor LogStandardGamma(Tensor alpha, bool boost, Generator? generator)
    {
        using var scope = torch.NewDisposeScope();
        Tensor result;
        if (boost)
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

    /// <summary>
    /// Keeps a (0,1)-valued draw strictly inside (0,1) by clamping to [tiny, 1 - eps] of the dtype.
    /// On the fast path a draw is only clamped where the transform that formed it is saturated, where
    /// its derivative has already underflowed to (almost) 0, so the clamp loses no usable gradient.
    /// For extreme shapes a real share of the law lies closer to 0 or 1 than the dtype can represent
    /// (Beta(1, 0.01) puts 69% of its mass within 2^-53 of 1); those draws sit exactly at the clamp.
    /// </summary>
    public static Tensor ClampOpenUnit(Tensor x) => x.clamp(Tiny(x.dtype), OneMinusEps(x.dtype));

    /// <summary>Keeps a positive draw in [tiny, largest finite] of the dtype.</summary>
    public static Tensor ClampPositive(Tensor x) => x.clamp(Tiny(x.dtype), Precision.MaxFinite(x.dtype));

    /// <summary>Keeps a real draw finite: beyond the dtype's range it saturates at the largest finite value.</summary>
    public static Tensor ClampFinite(Tensor x) => x.clamp(-Precision.MaxFinite(x.dtype), Precision.MaxFinite(x.dtype));
}
