using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Benchmarks.Cells;

/// <summary>
/// One fused weight set of a cell with K heads: W_ih [K*H, I], W_hh [K*H, H], bias [K*H], all leaves
/// with gradients, uniform(-1/sqrt(H), 1/sqrt(H)) as PAPER.md and nn.LSTM initialise them.
/// </summary>
internal sealed class CellWeights : IDisposable
{
    public CellWeights(int heads, int input, int hidden, ScalarType dtype, Generator generator)
    {
        double bound = 1.0 / Math.Sqrt(hidden);
        TorchSharp.Modules.Parameter U(long[] shape) => new((torch.rand(shape, dtype, generator: generator) * (2 * bound) - bound).detach(), requires_grad: true);
        Heads = heads;
        Hidden = hidden;
        WIh = U([heads * hidden, input]);
        WHh = U([heads * hidden, hidden]);
        Bias = U([heads * hidden]);
    }

    public int Heads { get; }

    public int Hidden { get; }

    public TorchSharp.Modules.Parameter WIh { get; }

    public TorchSharp.Modules.Parameter WHh { get; }

    public TorchSharp.Modules.Parameter Bias { get; }

    public TorchSharp.Modules.Parameter[] All => [WIh, WHh, Bias];

    /// <summary>W_ih x_t + b for all steps at once: [T, B, I] -> [T, B, K*H].</summary>
    public Tensor Project(Tensor x) => torch.nn.functional.linear(x, WIh, Bias);

    public void ZeroGrad()
    {
        foreach (var p in All)
        {
            p.grad?.zero_();
        }
    }

    public void Dispose()
    {
        foreach (var p in All)
        {
            p.Dispose();
        }
    }
}
