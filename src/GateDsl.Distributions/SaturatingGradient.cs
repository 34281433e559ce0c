using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Distributions;

/// <summary>
/// The identity whose backward clamps the gradient to [-limit, limit]: put on a parameter's float64 copy, it
/// makes a gradient that exceeds the parameter's dtype arrive as that dtype's largest finite value instead of
/// +-inf. The case it is for: a Gamma(shape, rate) draw X = G / rate has dX/drate = -X / rate, which leaves
/// float32's range when huge draws meet a tiny rate (X = 2.4e23 at rate 1e-18 gives -2.4e41); the true
/// derivative exceeds the dtype there, and the largest finite value is the nearest one it can hold
/// (docs/validation.md). Likewise dX/da of a Kumaraswamy draw, of order X log(...) / a^2, at a = 1e-40 in float32.
/// Values pass unchanged.
/// </summary>
internal sealed class SaturatingGradient : torch.autograd.SingleTensorFunction<SaturatingGradient>
{
    public override string Name => "SaturatingGradient";

    /// <summary><paramref name="x"/> unchanged, with its gradient clamped to the finite range of <paramref name="dtype"/>.</summary>
    public static Tensor Apply(Tensor x, ScalarType dtype) => apply(x, Precision.MaxFinite(dtype));

    public override Tensor forward(torch.autograd.AutogradContext ctx, params object[] vars)
    {
        ctx.save_data("limit", vars[1]);
        return ((Tensor)vars[0]).clone();
    }

    public override List<Tensor> backward(torch.autograd.AutogradContext ctx, Tensor grad_output)
    {
        var limit = (double)ctx.get_data("limit");
        return [grad_output.clamp(-limit, limit), null!];
    }
}
