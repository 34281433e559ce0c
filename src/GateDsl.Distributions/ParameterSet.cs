using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Distributions;

/// <summary>
/// Checks and aligns a distribution's parameter tensors: floating dtype (the widest wins), one device,
/// broadcastable shapes. Value checks (ranges) are done by <see cref="ParameterValidation"/>.
/// </summary>
internal sealed class ParameterSet
{
    private ParameterSet(Tensor[] values, long[] batchShape, ScalarType dtype, Device device)
    {
        Values = values;
        BatchShape = batchShape;
        DType = dtype;
        Device = device;
    }

    public Tensor[] Values { get; }

    public long[] BatchShape { get; }

    public ScalarType DType { get; }

    public Device Device { get; }

    /// <summary>
    /// Aligns <paramref name="parameters"/> (dtype, device, broadcast shape) and, when
    /// <paramref name="validate"/> is set, checks each against its range in order (one device-to-host
    /// sync per parameter). Throws <see cref="ArgumentException"/> for a dtype, device or shape that does
    /// not fit, <see cref="DistributionParameterException"/> for a value out of range.
    /// </summary>
    public static ParameterSet Create(string distribution, bool validate, params NamedParameter[] parameters)
    {
        var set = Align(distribution, parameters.Select(p => (p.Name, p.Value)).ToArray());
        if (validate)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                ParameterValidation.InRange(distribution, parameters[i].Name, set.Values[i], parameters[i].Range);
            }
        }

        return set;
    }

    private static ParameterSet Align(string distribution, (string Name, Tensor Value)[] parameters)
    {
        foreach (var (name, value) in parameters)
        {
            ArgumentNullException.ThrowIfNull(value, name);
            if (value.dtype != ScalarType.Float32 && value.dtype != ScalarType.Float64)
            {
                throw new ArgumentException(
                    $"{distribution}: {name} must be a Float32 or Float64 tensor; got {value.dtype}.", name);
            }
        }

        var device = parameters[0].Value.device;
        foreach (var (name, value) in parameters)
        {
            if (value.device.type != device.type || value.device.index != device.index)
            {
                throw new ArgumentException(
                    $"{distribution}: all parameters must be on one device; {parameters[0].Name} is on {device}, {name} is on {value.device}.", name);
            }
        }

        // Promote rather than reject mixed precision: a float32 weight with a float64 constant is common.
        var dtype = parameters.Any(p => p.Value.dtype == ScalarType.Float64) ? ScalarType.Float64 : ScalarType.Float32;
        var batchShape = BroadcastShapes(parameters.Select(p => p.Value.shape).ToArray());
        if (batchShape is null)
        {
            var shapes = string.Join(", ", parameters.Select(p => $"{p.Name} [{string.Join(", ", p.Value.shape)}]"));
            throw new ArgumentException($"{distribution}: parameter shapes do not broadcast: {shapes}.", parameters[0].Name);
        }

        // .to() keeps the autograd link, so gradients still reach the caller's tensor.
        var values = parameters.Select(p => p.Value.dtype == dtype ? p.Value : p.Value.to(dtype)).ToArray();
        return new ParameterSet(values, batchShape, dtype, device);
    }

    /// <summary>
    /// NumPy broadcasting of shapes (align trailing dimensions; 1 stretches), or null when they do not
    /// broadcast. Done here because torch.broadcast_shapes in TorchSharp 0.107 rejects valid pairs such
    /// as [3, 1] and [4].
    /// </summary>
    internal static long[]? BroadcastShapes(long[][] shapes)
    {
        var rank = shapes.Max(s => s.Length);
        var result = new long[rank];
        Array.Fill(result, 1L);
        foreach (var shape in shapes)
        {
            for (var i = 0; i < shape.Length; i++)
            {
                var r = rank - shape.Length + i;
                var d = shape[i];
                if (d == result[r] || d == 1)
                {
                    continue;
                }

                if (result[r] != 1)
                {
                    return null;
                }

                result[r] = d;
            }
        }

        return result;
    }
}
