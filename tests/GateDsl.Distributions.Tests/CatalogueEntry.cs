using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Distributions.Tests;

/// <summary>
/// One entry per distribution: a factory from parameter tensors, the parameter names and valid
/// values, so gradient, reproducibility and shape tests cover every distribution and parameter.
/// </summary>
internal sealed record CatalogueEntry(
    string Name,
    string[] Parameters,
    double[] Values,
    Func<Tensor[], IGateDistribution> Create)
{
    /// <summary>A scalar-valued function of one draw that depends on every component.</summary>
    public Tensor DrawLoss(IGateDistribution d, long[]? sampleShape, Generator? g)
    {
        switch (d)
        {
            case Distribution u:
                return u.RSample(sampleShape, g).sum();
            case JointDistribution j:
                var (x, y) = j.RSample(sampleShape, g);
                // Different weights so that opposite effects of a shared parameter on X and Y do not cancel.
                return (x + 3.0 * y).sum();
            default:
                throw new InvalidOperationException(d.GetType().Name);
        }
    }

    public Tensor[] Draw(IGateDistribution d, long[]? sampleShape, Generator? g) => d switch
    {
        Distribution u => [u.Sample(sampleShape, g)],
        JointDistribution j => j.Sample(sampleShape, g) is var (x, y) ? [x, y] : [],
        _ => throw new InvalidOperationException(d.GetType().Name),
    };

    public override string ToString() => Name;
}
