using static TorchSharp.torch;

namespace GateDsl.Training.Cores;

/// <summary>
/// The seam between the trainer and a recurrent layer, shaped like the compiled layer of issue 7
/// (<c>spec.CreateLayer(cell, I, H, layers, dropout)</c>, <c>forward(input, mask, state)</c> giving
/// output, final states and KL). <see cref="CompiledLayerCore"/> adapts the compiled layer; tests
/// wrap it to inject failures.
/// </summary>
internal interface IRecurrentCore : IDisposable
{
    /// <summary>The module holding the core's parameters (registered as a submodule of the model).</summary>
    nn.Module Module { get; }

    /// <summary>The cell this core runs.</summary>
    string CellName { get; }

    /// <summary>I: features per input step.</summary>
    int InputSize { get; }

    /// <summary>H: units per layer.</summary>
    int HiddenSize { get; }

    /// <summary>Number of stacked layers.</summary>
    int Layers { get; }

    /// <summary>Learnable parameters of the core.</summary>
    long ParameterCount { get; }

    /// <summary>What runs the cell, for metrics.json and the console ("compiled cell (fused CPU kernel)").</summary>
    string Implementation { get; }

    /// <summary>The heads each gate (i, f, o, candidate) reads, for <see cref="GateProbe.MeanAbsoluteGradients"/>.</summary>
    IReadOnlyDictionary<string, IReadOnlyList<int>> GateHeads { get; }

    /// <summary>The state of the draws that do not come from libtorch's generator (set it to reproduce them; a count can only grow).</summary>
    DrawState Draws { get; set; }

    /// <summary>
    /// Runs the layers over a batch. <paramref name="input"/> is [T, B, I]; <paramref name="mask"/> [T, B]
    /// bool marks real steps (null: all real); sequences are padded at the end. When
    /// <paramref name="probe"/> is given the core records its input and forget gates on real steps and
    /// retains the gradients of its gate pre-activations in it (slower: the layer runs its cells step by
    /// step with libtorch's generator for the draws; used for plots only).
    /// </summary>
    CoreResult Forward(Tensor input, Tensor? mask, GateProbe? probe = null);
}
