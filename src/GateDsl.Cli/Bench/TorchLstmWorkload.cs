using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Cli.Bench;

/// <summary>The baseline: TorchSharp's nn.LSTM (libtorch's fused RNN kernel), forward and backward of one batch.</summary>
internal sealed class TorchLstmWorkload : IWorkload
{
    private readonly TorchSharp.Modules.LSTM _lstm;
    private readonly Tensor _input;

    public TorchLstmWorkload(BenchSize size, string name = "nn.LSTM")
    {
        Name = name;
        _lstm = nn.LSTM(size.Input, size.Hidden);
        _input = torch.randn([size.Steps, size.Batch, size.Input], generator: new Generator(1));
    }

    public string Name { get; }

    public void Run()
    {
        using var scope = torch.NewDisposeScope();
        _lstm.zero_grad();
        var (output, _, _) = _lstm.call(_input);
        output.sum().backward();
    }

    public void Dispose()
    {
        _lstm.Dispose();
        _input.Dispose();
    }
}
