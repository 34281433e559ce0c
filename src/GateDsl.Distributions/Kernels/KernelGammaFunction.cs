using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Distributions.Kernels;

/// <summary>
/// The autograd node of <see cref="KernelGamma.RSample"/>: forward fills draws and dG/dalpha on the
/// tensors' memory; backward is one multiply.
/// </summary>
internal sealed class KernelGammaFunction : torch.autograd.SingleTensorFunction<KernelGammaFunction>
{
    /// <summary>The non-tensor arguments of a call.</summary>
    internal sealed record Request(ulong Seed, ulong CounterOffset, bool LogSpace);

    public override string Name => "KernelGamma";

    public override Tensor forward(torch.autograd.AutogradContext ctx, params object[] vars)
    {
        var alpha = ((Tensor)vars[0]).contiguous();
        var request = (Request)vars[1];
        var draws = torch.empty_like(alpha);
        var gradient = torch.empty_like(alpha);
        KernelGamma.Fill(alpha, draws, gradient, request);
        ctx.save_for_backward([gradient]);
        return draws;
    }

    public override List<Tensor> backward(torch.autograd.AutogradContext ctx, Tensor grad_output)
    {
        var gradient = ctx.get_saved_variables()[0];
        return [grad_output * gradient, null!];
    }
}
