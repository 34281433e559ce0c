using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Distributions;

/// <summary>
/// Draws that saturate at the ends of what the dtype represents, with gradients that are 0 there
/// instead of NaN. A transform such as sigmoid(log G_a - log G_b) of Beta(1e-20, 1e-20) saturates at 0
/// or 1 in almost every draw, which is the right draw; but its pathwise derivative multiplies the
/// sigmoid's vanished slope by a derivative that overflowed (d log G / da = -log(U) / a^2 = 1e40 in
/// float32), and 0 times inf is NaN. Here the transform is first evaluated without autograd to find
/// the saturated elements; it is then evaluated again with autograd on inputs replaced by safe
/// values in those elements, and the saturated value is put back with <c>where</c>, so every local
/// derivative on the gradient's path is finite and the saturated elements get gradient 0 (the
/// derivative of a clamped value).
/// </summary>
internal static class Saturation
{
    /// <summary>
    /// f(inputs) clamped to [<paramref name="low"/>, <paramref name="high"/>]. Each input broadcasts to
    /// the draw shape; <paramref name="safe"/> holds one value per input at which f is finite with finite
    /// derivatives. f must not return NaN (an overflowing value must come out as +-inf).
    /// </summary>
    public static Tensor Clamp(Tensor[] inputs, double[] safe, Func<Tensor[], Tensor> f, double low, double high)
    {
        using var scope = torch.NewDisposeScope();
        Tensor saturated;
        Tensor bound;
        using (torch.no_grad())
        {
            var raw = f(inputs.Select(t => t.detach()).ToArray());
            saturated = raw.le(low).logical_or(raw.ge(high));
            bound = raw.clamp(low, high);
        }

        var guarded = inputs.Select((t, i) => torch.where(saturated, safe[i], t)).ToArray();
        var value = f(guarded).clamp(low, high);
        return scope.MoveToOuter(torch.where(saturated, bound, value));
    }
}
