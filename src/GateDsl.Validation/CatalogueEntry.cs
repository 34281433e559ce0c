using GateDsl.Distributions;
using GateDsl.Reference;
using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Validation;

/// <summary>
/// One toolkit distribution paired with its reference twin: the name the GATE language uses, the
/// parameter list (with the stdlib defaults), a factory for the TorchSharp sampler and one for the
/// MathNet reference. Univariate laws have one component, joint laws two (x, y).
/// </summary>
public sealed class CatalogueEntry
{
    private readonly Func<Tensor[], IGateDistribution> _sampler;
    private readonly Func<double[], IReferenceDistribution>? _reference;
    private readonly Func<double[], IReferenceJoint2>? _jointReference;
    private readonly double? _referenceBound;
    private readonly double? _referenceFloor;

    internal CatalogueEntry(
        string name,
        string[] parameterNames,
        double?[] defaults,
        double[] example,
        Func<Tensor[], IGateDistribution> sampler,
        Func<double[], IReferenceDistribution>? reference,
        Func<double[], IReferenceJoint2>? jointReference,
        double? referenceBound = null,
        double? referenceFloor = null)
    {
        Name = name;
        ParameterNames = parameterNames;
        Defaults = defaults;
        ExampleParameters = example;
        _sampler = sampler;
        _reference = reference;
        _jointReference = jointReference;
        _referenceBound = referenceBound;
        _referenceFloor = referenceFloor;
    }

    /// <summary>
    /// The largest parameter magnitude at which the reference twin is validated (against mpmath, see
    /// docs/reference-methods.md), or null when its closed forms hold at every finite value.
    /// </summary>
    public double? ReferenceBound => _referenceBound;

    /// <summary>
    /// The smallest parameter magnitude at which the reference twin is validated, or null when it has no
    /// such floor (the joint laws' correlations by quadrature: 0.05, see docs/validation.md).
    /// </summary>
    public double? ReferenceFloor => _referenceFloor;

    /// <summary>
    /// Why the reference twin cannot be used at <paramref name="parameters"/> (complete, in call order),
    /// e.g. "the reference of Beta is validated for parameters up to 1e8 in magnitude (a = 1E+308)"; null
    /// when it can. Outside that range the samplers still draw (saturating where the dtype ends), but a
    /// reference value there would be unchecked, so none is printed.
    /// </summary>
    public string? ReferenceProblem(IReadOnlyList<double> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        for (var i = 0; i < parameters.Count; i++)
        {
            if (_referenceBound is { } bound && Math.Abs(parameters[i]) > bound)
            {
                return $"the reference of {Name} is validated for parameters up to {Format.Number(bound)} in magnitude ({ParameterNames[i]} = {Format.Number(parameters[i])})";
            }

            if (_referenceFloor is { } floor && Math.Abs(parameters[i]) < floor)
            {
                return $"the reference of {Name} is validated for shapes from {Format.Number(floor)} ({ParameterNames[i]} = {Format.Number(parameters[i])}): below, its quadrature over the shared Gamma misses the mass near 0 and the correlation comes out wrong";
            }
        }

        return null;
    }

    /// <summary>Name as written in a GATE distribution call, e.g. <c>BivariateBeta</c>.</summary>
    public string Name { get; }

    /// <summary>Parameter names in call order.</summary>
    public IReadOnlyList<string> ParameterNames { get; }

    /// <summary>Default per parameter (null: required), as in the stdlib (Gamma's rate = 1, ...).</summary>
    public IReadOnlyList<double?> Defaults { get; }

    /// <summary>Typical valid parameters, used by the validation suite and the docs.</summary>
    public IReadOnlyList<double> ExampleParameters { get; }

    /// <summary>True for the bivariate gate pairs (two components x, y).</summary>
    public bool IsJoint => _jointReference is not null;

    /// <summary>Number of components of one draw (1 or 2).</summary>
    public int ComponentCount => IsJoint ? 2 : 1;

    /// <summary>Component labels: <c>x</c>, or <c>x</c> and <c>y</c>.</summary>
    public IReadOnlyList<string> ComponentNames => IsJoint ? ["x", "y"] : ["x"];

    /// <summary>Number of required (non-defaulted) parameters.</summary>
    public int RequiredCount => Defaults.Count(d => d is null);

    /// <summary>The toolkit sampler for parameter tensors (one per parameter, in order).</summary>
    public IGateDistribution CreateSampler(Tensor[] parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return _sampler(parameters);
    }

    /// <summary>The sampler with scalar parameters of the given dtype on the CPU.</summary>
    public IGateDistribution CreateSampler(IReadOnlyList<double> parameters, ScalarType dtype)
        => _sampler(parameters.Select(p => torch.tensor(p, dtype)).ToArray());

    /// <summary>
    /// Runs the toolkit sampler's parameter validation on scalar float64 parameters (complete, in
    /// call order) without drawing; throws <see cref="DistributionParameterException"/> with a
    /// one-line message naming the parameter and its range when a value is out of range.
    /// </summary>
    public void ValidateParameters(IReadOnlyList<double> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        using var scope = torch.NewDisposeScope();
        _ = CreateSampler(parameters, ScalarType.Float64);
    }

    /// <summary>The univariate reference twin. Throws for joint laws (use <see cref="CreateJointReference"/>).</summary>
    public IReferenceDistribution CreateReference(IReadOnlyList<double> parameters)
        => _reference is not null
            ? _reference(parameters.ToArray())
            : throw new InvalidOperationException($"{Name} is a joint law; use CreateJointReference.");

    /// <summary>The bivariate reference twin. Throws for univariate laws.</summary>
    public IReferenceJoint2 CreateJointReference(IReadOnlyList<double> parameters)
        => _jointReference is not null
            ? _jointReference(parameters.ToArray())
            : throw new InvalidOperationException($"{Name} is univariate; use CreateReference.");

    /// <summary>The exact reference law of one component (the law itself for univariate laws).</summary>
    public IReferenceDistribution MarginalReference(IReadOnlyList<double> parameters, int component)
    {
        if (!IsJoint)
        {
            return CreateReference(parameters);
        }

        var joint = CreateJointReference(parameters);
        return component == 0 ? joint.MarginalX : joint.MarginalY;
    }

    /// <summary>
    /// Completes a call's arguments with the defaults and checks the arity; throws
    /// <see cref="ArgumentException"/> with a message for the user otherwise.
    /// </summary>
    public double[] Complete(IReadOnlyList<double> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments.Count > ParameterNames.Count || arguments.Count < RequiredCount)
        {
            var expected = RequiredCount == ParameterNames.Count
                ? $"{ParameterNames.Count}"
                : $"{RequiredCount} to {ParameterNames.Count}";
            throw new ArgumentException(
                $"{Name} takes {expected} argument(s) ({Signature}); got {arguments.Count}.", nameof(arguments));
        }

        var result = new double[ParameterNames.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = i < arguments.Count ? arguments[i] : Defaults[i]!.Value;
        }

        return result;
    }

    /// <summary>The call signature, e.g. <c>Gamma(shape, rate = 1)</c>.</summary>
    public string Signature => $"{Name}({string.Join(", ", ParameterNames.Select((p, i) => Defaults[i] is { } d ? $"{p} = {Format.Number(d)}" : p))})";

    /// <summary>The call with values, e.g. <c>Beta(a = 0.5, b = 0.5)</c>.</summary>
    public string Describe(IReadOnlyList<double> parameters)
        => $"{Name}({string.Join(", ", ParameterNames.Select((p, i) => $"{p} = {Format.Number(parameters[i])}"))})";

    /// <inheritdoc/>
    public override string ToString() => Signature;
}
