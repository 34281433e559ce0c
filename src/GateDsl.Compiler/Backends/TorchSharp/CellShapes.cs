using static TorchSharp.torch;

namespace GateDsl.Compiler.Backends.TorchSharp;

/// <summary>
/// Checks of what a caller hands a compiled cell or layer, with messages that name what was expected
/// and what came (never a libtorch error about mismatched sizes).
/// </summary>
internal static class CellShapes
{
    /// <summary>A tensor of exactly <paramref name="expected"/> (where an entry is -1 any size goes), of the module's dtype and device.</summary>
    public static void Require(Tensor tensor, string what, long[] expected, string expectedText, ScalarType dtype, Device device, string owner)
    {
        ArgumentNullException.ThrowIfNull(tensor, what);
        var shape = tensor.shape;
        var fits = shape.Length == expected.Length && shape.Zip(expected).All(p => p.Second < 0 || p.First == p.Second);
        if (!fits)
        {
            throw new ArgumentException($"{owner}: {what} must have shape {expectedText}, but has shape [{string.Join(", ", shape)}].", what);
        }

        if (tensor.dtype != dtype)
        {
            throw new ArgumentException($"{owner}: {what} must be {Name(dtype)} like the module's weights, but is {Name(tensor.dtype)}; convert it with .to({Name(dtype)}) or move the module with .to({Name(tensor.dtype)}).", what);
        }

        if (tensor.device.type != device.type || tensor.device.index != device.index)
        {
            throw new ArgumentException($"{owner}: {what} is on {tensor.device}, but the module's weights are on {device}; move one of them with .to(device).", what);
        }
    }

    /// <summary>The dtype as users write it.</summary>
    public static string Name(ScalarType dtype) => dtype switch
    {
        ScalarType.Float32 => "float32",
        ScalarType.Float64 => "float64",
        ScalarType.Float16 => "float16",
        ScalarType.BFloat16 => "bfloat16",
        ScalarType.Bool => "bool",
        _ => dtype.ToString().ToLowerInvariant(),
    };
}
