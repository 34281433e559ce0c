using GateDsl.Distributions.Kernels;
using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Validation;

/// <summary>
/// The Gamma family drawn by the fused kernels' sampler (<see cref="KernelGamma"/>: Marsaglia-Tsang
/// on counter-based streams, the implicit gradient by its series) instead of the toolkit's
/// distribution classes, so that the suite's law and gradient checks hold the sampler inside every
/// compiled stochastic cell to the same standard as the toolkit's. Gamma(shape, rate) is drawn as
/// G / rate with G from the kernel (the seed is the stream key); every other family passes through
/// to the toolkit.
/// </summary>
public sealed class KernelGammaSampler : SamplerUnderTest
{
    /// <summary>The one instance.</summary>
    public static KernelGammaSampler Instance { get; } = new();

    private KernelGammaSampler()
    {
    }

    /// <inheritdoc/>
    public override string Description => "kernel Gamma";

    /// <inheritdoc/>
    public override double[][] Draw(CatalogueEntry entry, IReadOnlyList<double> parameters, int n, long seed, ScalarType dtype = ScalarType.Float64)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(parameters);
        if (entry.Name != "Gamma")
        {
            return base.Draw(entry, parameters, n, seed, dtype);
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var draws = KernelGamma.RSample(torch.full([n], parameters[0], dtype), unchecked((ulong)seed)) / parameters[1];
        return [ToArray(draws)];
    }

    /// <inheritdoc/>
    public override PathwiseDraw DrawWithGradient(
        CatalogueEntry entry, IReadOnlyList<double> parameters, int parameterIndex, int component, int n, long seed,
        ScalarType dtype = ScalarType.Float64)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(parameters);
        if (entry.Name != "Gamma")
        {
            return base.DrawWithGradient(entry, parameters, parameterIndex, component, n, seed, dtype);
        }

        using var scope = torch.NewDisposeScope();
        var leaves = parameters.Select(p => torch.full([n], p, dtype).requires_grad_(true)).ToArray();
        var draw = KernelGamma.RSample(leaves[0], unchecked((ulong)seed)) / leaves[1];
        draw.sum().backward();
        var grad = leaves[parameterIndex].grad;
        return new PathwiseDraw(ToArray(draw), grad is null ? new double[n] : ToArray(grad));
    }
}
