using GateDsl.Compiler.Ir;

namespace GateDsl.Compiler.Backends.CSharp;

/// <summary>
/// Turns a lowered cell into the source of one standalone TorchSharp module class (<c>gatec compile</c>):
/// it references only TorchSharp and GateDsl.Distributions, and computes what the compiled
/// <see cref="TorchSharp.GateCell"/> computes, operation for operation: the same parameters
/// (<c>weight_ih</c> [K*H, I], <c>weight_hh</c> [K*H, H], <c>bias</c> [K*H]) with the same
/// initialisation, the same step in training and evaluation mode, the same KL accumulator, and draws
/// through a hook keyed by (layer, step, draw) as <see cref="TorchSharp.DrawKey"/>. The text is the same
/// for the same cell and options on every machine (golden-testable).
/// <code>
/// var spec = GateCompiler.Compile("cells.gate");
/// File.WriteAllText("BBetaLSTM5G.cs", CSharpEmitter.Emit(spec, "BBetaLSTM5G"));
/// </code>
/// </summary>
public static class CSharpEmitter
{
    /// <summary>
    /// Names the class's own members and the types its code names: a class of one of these names would
    /// hide them (or be rejected by C#), so such a cell's class gets <c>Cell</c> appended.
    /// </summary>
    private static readonly HashSet<string> TakenClassNames = new(StringComparer.Ordinal)
    {
        "CellName", "Heads", "InputSize", "HiddenSize", "WeightIh", "WeightHh", "Bias", "DrawFunction", "Draw",
        "DrawGenerator", "LayerIndex", "SampleWithToolkit", "Kl", "StepCount", "BeginSequence", "ZeroState",
        "Step", "TrainingStep", "EvaluationStep", "AddKl", "Require", "Parameter", "Generator", "Module",
        "ArgumentException", "ArgumentOutOfRangeException", "ArgumentNullException", "OverflowException",
        "IReadOnlyList", "Dispose", "Finalize",
    };

    /// <summary>
    /// The source of the class for the cell <paramref name="cellName"/> of <paramref name="spec"/>, with
    /// comments quoting the spec's lines.
    /// </summary>
    /// <param name="spec">A compiled spec without errors.</param>
    /// <param name="cellName">A cell of the spec's given files.</param>
    /// <param name="options">Namespace; <see cref="CSharpEmitOptions.DefaultNamespace"/> when null.</param>
    /// <param name="hyperParameters">Values for the cell's hyperparameters by name (the defaults for the rest); they are folded into the code.</param>
    /// <exception cref="InvalidOperationException">The spec has errors.</exception>
    /// <exception cref="ArgumentException">No such cell or hyperparameter, or a namespace that is not one.</exception>
    public static string Emit(CompiledSpec spec, string cellName, CSharpEmitOptions? options = null, IReadOnlyDictionary<string, double>? hyperParameters = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var cell = spec.Cell(cellName, hyperParameters);
        return Emit(cell, options, CellSourceMap.Find(spec.Compilation, cellName));
    }

    /// <summary>The source of the class for a lowered cell.</summary>
    /// <param name="cell">The cell in the gate IR.</param>
    /// <param name="options">Namespace; <see cref="CSharpEmitOptions.DefaultNamespace"/> when null.</param>
    /// <param name="source">Where the cell's statements are, for comments quoting them; none when null.</param>
    /// <exception cref="ArgumentException">A namespace that is not one.</exception>
    public static string Emit(IrCell cell, CSharpEmitOptions? options = null, CellSourceMap? source = null)
    {
        ArgumentNullException.ThrowIfNull(cell);
        options ??= new CSharpEmitOptions();
        if (CSharpNames.NamespaceProblem(options.Namespace) is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        return ModuleWriter.Write(cell, ClassName(cell.Name), options.Namespace, source);
    }

    /// <summary>
    /// The class name for a cell: the cell's name, with <c>Cell</c> appended when that is a C# keyword, or a
    /// member or type name the class uses (a cell called <c>Gamma</c> becomes <c>GammaCell</c>).
    /// </summary>
    public static string ClassName(string cellName)
    {
        ArgumentNullException.ThrowIfNull(cellName);
        var name = CSharpNames.Sanitize(cellName);
        var taken = !CSharpNames.IsIdentifier(name) || TakenClassNames.Contains(name) || LocalNames.Reserved.Contains(name);
        return taken ? name + "Cell" : name;
    }
}
