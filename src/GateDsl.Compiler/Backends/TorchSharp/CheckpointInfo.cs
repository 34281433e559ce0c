namespace GateDsl.Compiler.Backends.TorchSharp;

/// <summary>What a checkpoint says about the module it was saved from.</summary>
/// <param name="Cell">The cell's name.</param>
/// <param name="SpecHash">The spec's hash (<see cref="Compiler.SpecHash"/>).</param>
/// <param name="InputSize">I.</param>
/// <param name="HiddenSize">H.</param>
/// <param name="Layers">Stacked layers (1 for a single cell).</param>
/// <param name="DType">float32 or float64.</param>
/// <param name="HyperParameters">The hyperparameter values the cell was lowered with.</param>
/// <param name="Metadata">Free-form entries the saver added (a trainer's epoch, say).</param>
public sealed record CheckpointInfo(
    string Cell,
    string SpecHash,
    long InputSize,
    long HiddenSize,
    int Layers,
    string DType,
    IReadOnlyDictionary<string, double> HyperParameters,
    IReadOnlyDictionary<string, string> Metadata);
