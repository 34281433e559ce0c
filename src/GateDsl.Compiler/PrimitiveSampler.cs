using GateDsl.Language.Binding;
using TorchSharp;
using static TorchSharp.torch;
using Samplers = GateDsl.Distributions;

namespace GateDsl.Compiler;

/// <summary>
/// Draws from the language's primitive laws with GateDsl.Distributions' reparameterized samplers,
/// so that a draw keeps its pathwise gradient (Gamma through libtorch's implicit gradient of
/// <c>_standard_gamma</c>; Uniform, Normal and Logistic through their location-scale transforms).
/// </summary>
internal static class PrimitiveSampler
{
    /// <summary>
    /// <paramref name="count"/> independent draws, shape [count]. Each argument is a scalar or has
    /// shape [count] (it may depend on earlier draws); all of them are expanded to [count], so the
    /// sampler's batch shape is the draw shape. The samplers check their parameter ranges and throw
    /// <see cref="ArgumentException"/> on a value outside them (possible only at run time, e.g. an
    /// argument tensor the caller passed, or Uniform(low, high) with low &gt;= high).
    /// </summary>
    public static Tensor RSample(PrimitiveDistribution primitive, IReadOnlyList<Tensor> arguments, long count, Generator? generator)
    {
        var shape = new[] { count };
        var a = arguments.Select(t => t.expand(shape)).ToArray();
        return primitive.Name switch
        {
            "Gamma" => new Samplers.Gamma(a[0], a[1]).RSample(generator: generator),
            "Uniform" => new Samplers.Uniform(a[0], a[1]).RSample(generator: generator),
            "Normal" => new Samplers.Normal(a[0], a[1]).RSample(generator: generator),
            "Logistic" => new Samplers.Logistic(a[0], a[1]).RSample(generator: generator),

            // 0 or 1: no pathwise gradient exists, so the draw is cut from the graph (as the
            // language says: Bernoulli switches noise on and off but is never a gate).
            "Bernoulli" => Bernoulli(a[0], shape, generator),
            _ => throw new InvalidOperationException($"internal error: no sampler for the primitive '{primitive.Name}'."),
        };
    }

    private static Tensor Bernoulli(Tensor p, long[] shape, Generator? generator)
    {
        using var noGrad = torch.no_grad();
        var u = torch.rand(shape, ScalarType.Float64, p.device, generator: generator);
        return u.lt(p).to(ScalarType.Float64);
    }
}
