using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Distributions;

/// <summary>
/// Range checks with messages that name the distribution, the parameter, the range and the first
/// offending element (flat index), e.g. "Gamma: shape must be &gt; 0 (Range: shape &gt; 0); got -1 at index 3",
/// thrown as <see cref="DistributionParameterException"/>.
/// </summary>
internal static class ParameterValidation
{
    public static void InRange(string distribution, string name, Tensor value, ParameterRange range)
    {
        switch (range)
        {
            case ParameterRange.Positive:
                Positive(distribution, name, value);
                break;
            case ParameterRange.Finite:
                Finite(distribution, name, value);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(range), range, "unknown parameter range");
        }
    }

    public static void Positive(string distribution, string name, Tensor value)
        => Check(distribution, name, value, "> 0", $"{name} > 0", t => t.gt(0));

    public static void Finite(string distribution, string name, Tensor value)
        => Check(distribution, name, value, "finite", $"-inf < {name} < inf", t => t.isfinite());

    public static void Less(string distribution, string lowName, Tensor low, string highName, Tensor high)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var (l, h) = Broadcast(low, high);
        var bad = h.gt(l).logical_not();
        if (!bad.any().item<bool>())
        {
            return;
        }

        var index = FirstTrue(bad);
        throw new DistributionParameterException(
            $"{distribution}: {highName} must be > {lowName} (Range: {lowName} < {highName}); got {lowName} = {Format(l, index)}, {highName} = {Format(h, index)} at index {index}",
            highName);
    }

    private static void Check(string distribution, string name, Tensor value, string rule, string range, Func<Tensor, Tensor> ok)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var flat = value.detach().reshape(-1);
        // Finite is required by every range here, so NaN and inf are reported like any other bad value.
        var bad = ok(flat).logical_and(flat.isfinite()).logical_not();
        if (!bad.any().item<bool>())
        {
            return;
        }

        var index = FirstTrue(bad);
        throw new DistributionParameterException(
            $"{distribution}: {name} must be {rule} (Range: {range}); got {Format(flat, index)} at index {index}", name);
    }

    private static (Tensor, Tensor) Broadcast(Tensor a, Tensor b)
    {
        var both = torch.broadcast_tensors(a.detach(), b.detach());
        return (both[0].reshape(-1), both[1].reshape(-1));
    }

    private static long FirstTrue(Tensor mask) => mask.nonzero()[0, 0].item<long>();

    private static string Format(Tensor flat, long index)
        => flat[index].to(ScalarType.Float64).cpu().item<double>().ToString("G", CultureInfo.InvariantCulture);
}
