using GateDsl.Distributions;
using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Cli.Bench;

/// <summary>
/// The paper's 5-Gamma cell (PAPER.md) as a user would write it with TorchSharp and
/// GateDsl.Distributions: one fused weight pair, the input projection hoisted into one product and
/// sliced with unbind, and per step softplus shapes, the toolkit's BivariateBeta5 for the correlated
/// (i, f), sigmoid and tanh heads and the LSTM update; forward and backward of one batch.
/// </summary>
internal sealed class HandWrittenFiveGammaWorkload : IWorkload
{
    private const double Eps = 1e-3;
    private readonly BenchSize _size;
    private readonly Tensor _weightIh;
    private readonly Tensor _weightHh;
    private readonly Tensor _bias;
    private readonly Tensor _input;

    public HandWrittenFiveGammaWorkload(BenchSize size, string name = "5G cell by hand (TorchSharp + BivariateBeta5)")
    {
        Name = name;
        _size = size;
        var bound = 1.0 / Math.Sqrt(size.Hidden);
        var generator = new Generator(3);
        _weightIh = torch.empty(7 * size.Hidden, size.Input).uniform_(-bound, bound, generator).requires_grad_();
        _weightHh = torch.empty(7 * size.Hidden, size.Hidden).uniform_(-bound, bound, generator).requires_grad_();
        _bias = torch.empty(7 * size.Hidden).uniform_(-bound, bound, generator).requires_grad_();
        _input = torch.randn([size.Steps, size.Batch, size.Input], generator: new Generator(1));
    }

    public string Name { get; }

    public void Run()
    {
        using var scope = torch.NewDisposeScope();
        foreach (var w in new[] { _weightIh, _weightHh, _bias })
        {
            w.grad?.zero_();
        }

        var projection = _bias.addmm(_input.reshape(_size.Steps * _size.Batch, _size.Input), _weightIh.t()).view(_size.Steps, _size.Batch, -1).unbind(0);
        var h = torch.zeros(_size.Batch, _size.Hidden);
        var c = torch.zeros(_size.Batch, _size.Hidden);
        var outputs = new List<Tensor>();
        foreach (var x in projection)
        {
            var heads = x.addmm(h, _weightHh.t()).chunk(7, 1);
            var a = heads.Take(5).Select(z => nn.functional.softplus(z) + Eps).ToArray();
            var (i, f) = new BivariateBeta5(a[0], a[1], a[2], a[3], a[4], validate: false).RSample();
            c = (f * c) + (i * heads[6].tanh());
            h = heads[5].sigmoid() * c.tanh();
            outputs.Add(h);
        }

        torch.stack(outputs).sum().backward();
    }

    public void Dispose()
    {
        _weightIh.Dispose();
        _weightHh.Dispose();
        _bias.Dispose();
        _input.Dispose();
    }
}
