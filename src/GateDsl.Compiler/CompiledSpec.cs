using GateDsl.Compiler.Backends.TorchSharp;
using GateDsl.Compiler.Ir;
using GateDsl.Language.Diagnostics;
using static TorchSharp.torch;

namespace GateDsl.Compiler;

/// <summary>
/// A compiled spec: its diagnostics, and when it has no errors, factories for modules of its cells.
/// Obtain one from <see cref="GateCompiler"/>.
/// </summary>
public sealed class CompiledSpec
{
    internal CompiledSpec(Compilation compilation) => Compilation = compilation;

    /// <summary>Every stage of the compilation.</summary>
    public Compilation Compilation { get; }

    /// <summary>All diagnostics, sorted by file and position (render them with <see cref="Diagnostic.ToString"/>).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => Compilation.Diagnostics;

    /// <summary>Whether any diagnostic is an error (then no module can be created).</summary>
    public bool HasErrors => Compilation.HasErrors;

    /// <summary>The cells of the given files, in source order.</summary>
    public IReadOnlyList<string> CellNames => Compilation.Cells.Select(c => c.Name).ToList();

    /// <summary>The hash a checkpoint records (<see cref="Compiler.SpecHash"/>).</summary>
    public string SpecHash => Compilation.SpecHash;

    /// <summary>
    /// The cell lowered to the gate IR, with the given hyperparameter values (the declared defaults
    /// for the rest).
    /// </summary>
    /// <exception cref="InvalidOperationException">The spec has errors.</exception>
    /// <exception cref="ArgumentException">No such cell (the message lists the spec's cells), or no such hyperparameter.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A hyperparameter value outside its declared support.</exception>
    public IrCell Cell(string name, IReadOnlyDictionary<string, double>? hyperParameters = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ThrowIfErrors();
        if (hyperParameters is null || hyperParameters.Count == 0)
        {
            return Compilation.IrCells.FirstOrDefault(c => c.Name == name)
                ?? (Compilation.Lower(name, new Dictionary<string, double>(), out _)
                    ?? throw new InvalidOperationException($"internal error: cell {name} did not lower."));
        }

        var ir = Compilation.Lower(name, hyperParameters, out var diagnostics);
        return ir ?? throw new ArgumentException($"cell {name} cannot be lowered with these hyperparameters: {diagnostics.FirstOrDefault()}", nameof(hyperParameters));
    }

    /// <summary>
    /// One step of the cell as a module: x [B, I] and (h, c) [B, H] give the next (h, c); weights
    /// uniform(-1/sqrt(H), 1/sqrt(H)).
    /// </summary>
    /// <param name="name">The cell.</param>
    /// <param name="inputSize">I. Range: at least 1.</param>
    /// <param name="hiddenSize">H. Range: at least 1.</param>
    /// <param name="hyperParameters">Values for the cell's hyperparameters by name (defaults for the rest).</param>
    /// <param name="generator">Generator for the initial weights (torch's global one when null).</param>
    /// <exception cref="InvalidOperationException">The spec has errors.</exception>
    /// <exception cref="ArgumentException">No such cell or hyperparameter.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size below 1 or a hyperparameter outside its support.</exception>
    public GateCell CreateCell(string name, long inputSize, long hiddenSize, IReadOnlyDictionary<string, double>? hyperParameters = null, Generator? generator = null) =>
        new(Cell(name, hyperParameters), inputSize, hiddenSize, generator);

    /// <summary>
    /// The cell over sequences (<see cref="GateLayer"/>): input [T, B, I], stacked layers with
    /// dropout between them, masks for padded batches, the total prior KL.
    /// </summary>
    /// <param name="name">The cell.</param>
    /// <param name="inputSize">I. Range: at least 1.</param>
    /// <param name="hiddenSize">H. Range: at least 1.</param>
    /// <param name="layers">Stacked layers. Range: at least 1.</param>
    /// <param name="dropout">Dropout between layers in training. Range: [0, 1).</param>
    /// <param name="dropoutKind">Plain, or locked (one mask per sequence, as the paper's music code).</param>
    /// <param name="batchFirst">Input and output as [B, T, features].</param>
    /// <param name="path">Execution path (<see cref="ExecutionPath.Auto"/>: libtorch's fused kernel for the standard LSTM).</param>
    /// <param name="hyperParameters">Values for the cell's hyperparameters by name.</param>
    /// <param name="generator">Generator for the initial weights.</param>
    /// <exception cref="InvalidOperationException">The spec has errors.</exception>
    /// <exception cref="ArgumentException">No such cell or hyperparameter, or the fused path for a cell that is not the standard LSTM.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size or option out of range.</exception>
    public GateLayer CreateLayer(
        string name,
        long inputSize,
        long hiddenSize,
        int layers = 1,
        double dropout = 0,
        DropoutKind dropoutKind = DropoutKind.Plain,
        bool batchFirst = false,
        ExecutionPath path = ExecutionPath.Auto,
        IReadOnlyDictionary<string, double>? hyperParameters = null,
        Generator? generator = null) =>
        new(
            Cell(name, hyperParameters),
            inputSize,
            hiddenSize,
            new LayerOptions { Layers = layers, Dropout = dropout, DropoutKind = dropoutKind, BatchFirst = batchFirst, Path = path },
            generator);

    private void ThrowIfErrors()
    {
        if (HasErrors)
        {
            var errors = Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            throw new InvalidOperationException($"the spec has {errors.Count} error(s), so no cell can be created; the first: {errors[0]}");
        }
    }
}
