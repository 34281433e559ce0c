using GateDsl.Language.Binding;
using TorchSharp;
using static TorchSharp.torch;
using Samplers = GateDsl.Distributions;

namespace GateDsl.Compiler.Backends.TorchSharp;

/// <summary>
/// The one place the primitive laws meet GateDsl.Distributions' reparameterized samplers: Gamma
/// through libtorch's implicit gradient of <c>_standard_gamma</c> (in log space for small shapes),
/// Uniform, Normal and Logistic through their location-scale transforms, Bernoulli as a comparison
/// cut from the graph (0 or 1: no pathwise gradient exists).
/// </summary>
public static class PrimitiveSamplers
{
    /// <summary>
    /// One draw per element of the (already expanded, equal-shaped) parameters, from
    /// <paramref name="generator"/> (torch's default when null). Parameters are not validated: a
    /// compiled cell's lie in their supports by construction.
    /// </summary>
    public static Tensor RSample(PrimitiveKind law, IReadOnlyList<Tensor> parameters, Generator? generator)
    {
        var p = parameters;
        return law switch
        {
            PrimitiveKind.Gamma => new Samplers.Gamma(p[0], p[1], validate: false).RSample(generator: generator),
            PrimitiveKind.Uniform => new Samplers.Uniform(p[0], p[1], validate: false).RSample(generator: generator),
            PrimitiveKind.Normal => new Samplers.Normal(p[0], p[1], validate: false).RSample(generator: generator),
            PrimitiveKind.Logistic => new Samplers.Logistic(p[0], p[1], validate: false).RSample(generator: generator),
            PrimitiveKind.Bernoulli => Bernoulli(p[0], generator),
            _ => throw new ArgumentOutOfRangeException(nameof(law), law, null),
        };
    }

    /// <summary>
    /// ln G with G ~ Gamma(shape, 1), reparameterized, by the shape boost G(a) = G(a + 1) U^(1/a)
    /// (Marsaglia &amp; Tsang 2000, section 6) taken in log space for every shape: ln G = ln G(a + 1)
    /// + ln(U) / a, with U in (0, 1], so the result is finite however small a is (down to about
    /// 1e-300, where ln(U) / a leaves the double range). The gradient is libtorch's implicit one for
    /// G(a + 1) plus -ln(U) / a^2.
    /// </summary>
    public static Tensor LogStandardGamma(Tensor shape, Generator? generator)
    {
        using var scope = torch.NewDisposeScope();
        var boosted = torch._standard_gamma(shape + 1.0, generator).log();
        Tensor logU;
        using (torch.no_grad())
        {
            logU = torch.rand(shape.shape, shape.dtype, shape.device, generator: generator).neg_().add_(1.0).log_();
        }

        return scope.MoveToOuter(boosted + (logU / shape));
    }

    private static Tensor Bernoulli(Tensor p, Generator? generator)
    {
        using var noGrad = torch.no_grad();
        using var u = torch.rand(p.shape, p.dtype, p.device, generator: generator);
        using var below = u.lt(p);
        return below.to(p.dtype);
    }
}
