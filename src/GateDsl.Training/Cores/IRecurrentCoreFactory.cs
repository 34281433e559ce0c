using GateDsl.Compiler.Backends.TorchSharp;

namespace GateDsl.Training.Cores;

/// <summary>Makes cores of one cell at any size, and counts their parameters without making them (for parameter matching).</summary>
internal interface IRecurrentCoreFactory
{
    /// <summary>The cell's name.</summary>
    string CellName { get; }

    /// <summary>What runs the cell, for metrics.json and the console ("compiled cell (fused CPU kernel)").</summary>
    string Implementation { get; }

    /// <summary>Learnable parameters of a core of these sizes.</summary>
    long CountParameters(int inputSize, int hiddenSize, int layers);

    /// <summary>A new core with freshly initialised weights (drawn from the global torch generator).</summary>
    IRecurrentCore Create(int inputSize, int hiddenSize, int layers, double dropout, DropoutKind dropoutKind);
}
