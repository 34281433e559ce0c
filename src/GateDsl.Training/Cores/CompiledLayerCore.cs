using GateDsl.Compiler.Backends.TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Training.Cores;

/// <summary>
/// The recurrent core for every cell: a compiled <see cref="GateLayer"/> (issue 7) behind the trainer's
/// seam. <see cref="Forward"/> is <c>layer.call(input, mask, null)</c>; with a <see cref="GateProbe"/> the
/// probe is the layer's step observer for that call, so the layer runs its cells step by step (the
/// standard LSTM too, on the same weights) and the probe sees every step's gates and pre-activations.
/// </summary>
internal sealed class CompiledLayerCore : IRecurrentCore
{
    private readonly GateLayer layer;

    public CompiledLayerCore(string cellName, GateLayer layer)
    {
        CellName = cellName;
        this.layer = layer;
        GateHeads = Cores.GateHeads.Of(layer.Ir);
    }

    public nn.Module Module => layer;

    public string CellName { get; }

    public int InputSize => (int)layer.InputSize;

    public int HiddenSize => (int)layer.HiddenSize;

    public int Layers => layer.Options.Layers;

    public long ParameterCount => layer.ParameterCount;

    public string Implementation => Describe(layer.Path);

    public IReadOnlyDictionary<string, IReadOnlyList<int>> GateHeads { get; }

    /// <summary>
    /// The fused kernel's seed and the sequences each layer has begun. Setting it sets the seed and
    /// begins sequences until each layer has begun <see cref="DrawState.Sequences"/> (the layer offers
    /// no other way to move its count, which only grows).
    /// </summary>
    public DrawState Draws
    {
        get => new(layer.Seed, layer.Cells.Count == 0 ? 0 : layer.Cells[0].SequenceCount);
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            layer.Seed = value.Seed;
            foreach (var cell in layer.Cells)
            {
                if (cell.SequenceCount > value.Sequences)
                {
                    throw new InvalidOperationException($"layer of cell {CellName} has begun {cell.SequenceCount} sequences; its count cannot go back to {value.Sequences}");
                }

                while (cell.SequenceCount < value.Sequences)
                {
                    cell.BeginSequence();
                }
            }
        }
    }

    /// <summary>The path the layer runs on.</summary>
    public ExecutionPath Path => layer.Path;

    /// <summary>How <paramref name="path"/> is named in metrics.json and on the console.</summary>
    public static string Describe(ExecutionPath path) => path switch
    {
        ExecutionPath.FusedLstm => "compiled cell (standard LSTM on libtorch's fused kernel)",
        ExecutionPath.FusedKernel => "compiled cell (fused CPU kernel)",
        _ => "compiled cell (generic path)",
    };

    public CoreResult Forward(Tensor input, Tensor? mask, GateProbe? probe = null)
    {
        if (probe is null)
        {
            return Result(layer.call(input, mask, null));
        }

        layer.Observer = probe;
        try
        {
            return Result(layer.call(input, mask, null));
        }
        finally
        {
            layer.Observer = null;
        }
    }

    public void Dispose() => layer.Dispose();

    private static CoreResult Result(LayerOutput output) => new(output.Output, output.Final, output.Kl);
}
