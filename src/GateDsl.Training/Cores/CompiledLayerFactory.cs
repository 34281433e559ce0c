using GateDsl.Compiler;
using GateDsl.Compiler.Backends.TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Training.Cores;

/// <summary>Makes <see cref="CompiledLayerCore"/>s of one cell of a compiled spec: <c>spec.CreateLayer(cell, I, H, layers, dropout)</c>.</summary>
internal sealed class CompiledLayerFactory : IRecurrentCoreFactory
{
    private readonly CompiledSpec spec;
    private readonly int heads;

    public CompiledLayerFactory(CompiledSpec spec, string cellName)
    {
        this.spec = spec;
        CellName = cellName;
        heads = spec.Cell(cellName).HeadCount;

        // The layer decides its path (libtorch's LSTM, the fused kernel, or the step loop); a 1-unit
        // layer with its own generator asks it without touching the global generator's draws.
        using var generator = new Generator(0);
        using var probe = spec.CreateLayer(cellName, 1, 1, generator: generator);
        Implementation = CompiledLayerCore.Describe(probe.Path);
    }

    public string CellName { get; }

    public string Implementation { get; }

    /// <summary>K*H*(I_l+H) + K*H per layer (<see cref="CellLayout"/>), I_l = I for the first layer and H after it.</summary>
    public long CountParameters(int inputSize, int hiddenSize, int layers) =>
        Enumerable.Range(0, layers).Sum(l => new CellLayout(heads, l == 0 ? inputSize : hiddenSize, hiddenSize).ParameterCount);

    public IRecurrentCore Create(int inputSize, int hiddenSize, int layers, double dropout, DropoutKind dropoutKind) =>
        new CompiledLayerCore(CellName, spec.CreateLayer(CellName, inputSize, hiddenSize, layers, dropout, dropoutKind));
}
