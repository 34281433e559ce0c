using GateDsl.Distributions;
using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Validation;

/// <summary>
/// The toolkit's samplers as the checks see them: draws, per-sample pathwise gradients and log
/// densities, as double arrays. Checks only talk to this class, so a test can hand them a
/// deliberately wrong sampler (a subclass that perturbs one of these) and see them fail.
/// </summary>
public class SamplerUnderTest
{
    /// <summary>The real toolkit samplers (src/GateDsl.Distributions).</summary>
    public static SamplerUnderTest Toolkit { get; } = new();

    /// <summary>A short name for reports ("toolkit" unless overridden).</summary>
    public virtual string Description => "toolkit";

    /// <summary>
    /// n draws with a generator seeded by <paramref name="seed"/> (CPU); one array per component,
    /// converted to double.
    /// </summary>
    public virtual double[][] Draw(CatalogueEntry entry, IReadOnlyList<double> parameters, int n, long seed, ScalarType dtype = ScalarType.Float64)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        using var scope = torch.NewDisposeScope();
        using var generator = new Generator(unchecked((ulong)seed), torch.CPU);
        var d = entry.CreateSampler(parameters, dtype);
        return d switch
        {
            Distribution u => [ToArray(u.Sample([n], generator))],
            JointDistribution j => j.Sample([n], generator) is var (x, y) ? [ToArray(x), ToArray(y)] : [],
            _ => throw new InvalidOperationException($"{entry.Name}: unexpected sampler type {d.GetType().Name}."),
        };
    }

    /// <summary>
    /// n reparameterized draws of component <paramref name="component"/> and, per draw, its pathwise
    /// derivative with respect to parameter <paramref name="parameterIndex"/>. Every parameter is
    /// replicated to a batch of n, so autograd returns one derivative per draw.
    /// </summary>
    public virtual PathwiseDraw DrawWithGradient(
        CatalogueEntry entry, IReadOnlyList<double> parameters, int parameterIndex, int component, int n, long seed,
        ScalarType dtype = ScalarType.Float64)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var scope = torch.NewDisposeScope();
        using var generator = new Generator(unchecked((ulong)seed), torch.CPU);
        var leaves = parameters.Select(p => torch.full([n], p, dtype).requires_grad_(true)).ToArray();
        var d = entry.CreateSampler(leaves);
        var draw = d switch
        {
            Distribution u => u.RSample(null, generator),
            JointDistribution j => j.RSample(null, generator) is var (x, y) ? (component == 0 ? x : y) : null!,
            _ => throw new InvalidOperationException($"{entry.Name}: unexpected sampler type {d.GetType().Name}."),
        };
        draw.sum().backward();
        var grad = leaves[parameterIndex].grad;
        var gradients = grad is null ? new double[n] : ToArray(grad);
        return new PathwiseDraw(ToArray(draw), gradients);
    }

    /// <summary>
    /// The sampler's log density at the given points (one array per component; for joint laws the
    /// joint density of (x, y)).
    /// </summary>
    public virtual double[] LogProb(CatalogueEntry entry, IReadOnlyList<double> parameters, double[][] points, ScalarType dtype = ScalarType.Float64)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(points);
        using var scope = torch.NewDisposeScope();
        var d = entry.CreateSampler(parameters, dtype);
        var lp = d switch
        {
            Distribution u => u.LogProb(torch.tensor(points[0], dtype)),
            JointDistribution j => j.LogProb(torch.tensor(points[0], dtype), torch.tensor(points[1], dtype)),
            _ => throw new InvalidOperationException($"{entry.Name}: unexpected sampler type {d.GetType().Name}."),
        };
        return ToArray(lp);
    }

    /// <summary>A tensor's values as a double array (detached, on the CPU).</summary>
    protected static double[] ToArray(Tensor t)
    {
        ArgumentNullException.ThrowIfNull(t);
        using var d = t.detach().to(ScalarType.Float64).cpu().contiguous();
        return d.data<double>().ToArray();
    }
}
