using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Distributions.Tests;

/// <summary>Small helpers shared by the tests.</summary>
internal static class TestTensors
{
    public static Tensor Leaf(double value, ScalarType dtype = ScalarType.Float64)
        => torch.tensor(value, dtype).requires_grad_(true);

    public static Tensor Leaf(double[] values, ScalarType dtype = ScalarType.Float64)
        => torch.tensor(values, dtype).requires_grad_(true);

    public static Tensor Const(double value, ScalarType dtype = ScalarType.Float64) => torch.tensor(value, dtype);

    public static Tensor Const(double[] values, ScalarType dtype = ScalarType.Float64) => torch.tensor(values, dtype);

    public static Generator Seeded(ulong seed) => new(seed, torch.CPU);

    public static double Scalar(Tensor t) => t.detach().to(ScalarType.Float64).cpu().item<double>();

    public static double[] Values(Tensor t) => t.detach().to(ScalarType.Float64).cpu().contiguous().data<double>().ToArray();

    public static bool AllFinite(Tensor t) => t.detach().isfinite().all().item<bool>();

    public static bool Equal(Tensor a, Tensor b) => a.shape.SequenceEqual(b.shape) && a.detach().eq(b.detach()).all().item<bool>();
}
