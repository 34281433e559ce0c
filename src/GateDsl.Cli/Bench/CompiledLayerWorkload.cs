using GateDsl.Compiler;
using GateDsl.Compiler.Backends.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Cli.Bench;

/// <summary>A compiled stdlib cell as a one-layer <see cref="GateLayer"/> on a given path: loss = sum of outputs + KL.</summary>
internal sealed class CompiledLayerWorkload : IWorkload
{
    private readonly GateLayer _layer;
    private readonly Tensor _input;

    public CompiledLayerWorkload(CompiledSpec spec, string cell, ExecutionPath path, BenchSize size, string name)
    {
        Name = name;
        _layer = spec.CreateLayer(cell, size.Input, size.Hidden, path: path, generator: new Generator(2));
        _input = torch.randn([size.Steps, size.Batch, size.Input], generator: new Generator(1));
    }

    public string Name { get; }

    public void Run()
    {
        using var scope = torch.NewDisposeScope();
        _layer.zero_grad();
        var result = _layer.call(_input, null, null);
        (result.Output.sum() + result.Kl).backward();
    }

    public void Dispose()
    {
        _layer.Dispose();
        _input.Dispose();
    }
}
