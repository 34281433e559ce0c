using static TorchSharp.torch;

namespace GateDsl.Distributions;

/// <summary>
/// What univariate (<see cref="Distribution"/>) and joint (<see cref="JointDistribution"/>) laws share:
/// named parameter tensors aligned to one dtype (the widest), one device and one broadcast batch shape,
/// checked against their ranges when asked. Parameters are the caller's tensors (not owned, never
/// disposed here).
/// </summary>
public abstract class ParameterizedDistribution : IGateDistribution
{
    /// <summary>
    /// Aligns the parameters and, when <paramref name="validate"/> is set, checks each against its range
    /// (one device-to-host sync per parameter; see <see cref="ParameterSet.Create"/>).
    /// </summary>
    private protected ParameterizedDistribution(string name, Support support, bool validate, params NamedParameter[] parameters)
    {
        var set = ParameterSet.Create(name, validate, parameters);
        Name = name;
        Support = support;
        Parameters = set.Values;
        BatchShape = set.BatchShape;
        DType = set.DType;
        Device = set.Device;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public Support Support { get; }

    /// <inheritdoc/>
    public long[] BatchShape { get; }

    /// <inheritdoc/>
    public ScalarType DType { get; }

    /// <inheritdoc/>
    public Device Device { get; }

    /// <summary>The parameter tensors in constructor order, in <see cref="DType"/> (still linked to the caller's for gradients).</summary>
    private protected IReadOnlyList<Tensor> Parameters { get; }
}
