using System.Collections.Immutable;
using GateDsl.Compiler.Description;
using GateDsl.Compiler.Ir;
using GateDsl.Compiler.Lowering;
using GateDsl.Language;
using GateDsl.Language.Binding;
using GateDsl.Language.Diagnostics;
using GateDsl.Language.Syntax;
using GateDsl.Language.Text;

namespace GateDsl.Compiler;

/// <summary>
/// The driver, and the only one: parses the given files and everything they import (each once),
/// binds them, and lowers every cell of the given files to the gate IR, keeping each stage and
/// every diagnostic. A distribution call written on its own (the expression of <c>gatec sample</c>)
/// goes through the same stages with <see cref="ForCall"/>. Never throws on user input: a bug of
/// ours becomes GATE9999.
/// </summary>
public sealed class Compilation
{
    private readonly ImmutableHashSet<SourceText> _standardSources;
    private readonly IReadOnlyList<BoundCell> _givenCells;

    private Compilation(
        IReadOnlyList<SyntaxTree> trees,
        BoundModel model,
        IReadOnlyList<CellSummary> cells,
        IReadOnlyList<IrCell> irCells,
        StandaloneCall? call,
        IReadOnlyList<Diagnostic> diagnostics,
        ImmutableHashSet<SourceText> standardSources,
        IReadOnlyList<BoundCell> givenCells)
    {
        _givenCells = givenCells;
        SyntaxTrees = trees;
        Model = model;
        Cells = cells;
        IrCells = irCells;
        Call = call;
        Diagnostics = diagnostics;
        _standardSources = standardSources;
    }

    /// <summary>Stage 1: every parsed file, the given ones first, then imports.</summary>
    public IReadOnlyList<SyntaxTree> SyntaxTrees { get; }

    /// <summary>Stage 2: the bound model of every file, imports included (empty when a file has syntax errors).</summary>
    public BoundModel Model { get; }

    /// <summary>
    /// The cells of the given files (not of imports), in source order, as <c>gatec describe</c>
    /// summarises them: as written, and with what lowering inferred (laws, evaluation, KL methods)
    /// when the compilation has no errors.
    /// </summary>
    public IReadOnlyList<CellSummary> Cells { get; }

    /// <summary>Stage 3: the cells of the given files lowered to the gate IR with their default hyperparameters (empty when there are errors).</summary>
    public IReadOnlyList<IrCell> IrCells { get; }

    /// <summary>For <see cref="ForCall"/>: the bound call with its folded arguments; null otherwise or when there are errors.</summary>
    public StandaloneCall? Call { get; }

    /// <summary>All diagnostics of all stages and files, sorted by file and position.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Whether any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>Compiles files from disk; their imports resolve next to them, then in the standard library.</summary>
    public static Compilation FromFiles(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var list = paths.ToList();
        return Run(bag => FrontEnd.FromFiles(list, bag));
    }

    /// <summary>Compiles one in-memory text; imports resolve against the current directory, then the standard library.</summary>
    public static Compilation FromText(string text, string path = "<input>")
    {
        ArgumentNullException.ThrowIfNull(text);
        return Run(bag => FrontEnd.FromText(text, path, bag));
    }

    /// <summary>
    /// Compiles one distribution call written on its own, such as <c>BivariateBeta(2, 3, 1.5)</c> or
    /// <c>Dirichlet3(1, 2, 3)</c>, bound against the standard library's <c>distributions.gate</c>
    /// and the given import files like the right side of a <c>draw</c> whose arguments must be
    /// constants. Diagnostics about the expression point into it (path <see cref="StandaloneCall.ExpressionPath"/>).
    /// </summary>
    public static Compilation ForCall(string expression, IReadOnlyList<string>? importPaths = null)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var imports = importPaths?.ToList() ?? new List<string>();
        return FrontEnd.RunOnLargeStack(() =>
        {
            var bag = new DiagnosticBag();
            var result = FrontEnd.ForCall(expression, imports, bag);
            var call = result.Call is { } bound && !bag.HasErrors
                ? new StandaloneCall(result.Source, bound, result.Arguments, result.IsStandardLibrary)
                : null;
            return new Compilation(result.SyntaxTrees, result.Model, Array.Empty<CellSummary>(), Array.Empty<IrCell>(), call, bag.ToSortedList(), result.StandardSources, Array.Empty<BoundCell>());
        });
    }

    /// <summary>
    /// Lowers a cell of the given files again with other hyperparameter values (by name; the rest
    /// keep their defaults). Returns null when lowering reports an error, which <paramref name="diagnostics"/> then holds.
    /// </summary>
    /// <exception cref="ArgumentException">The compilation has errors, no given file declares the cell, or it has no hyperparameter of a given name.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A hyperparameter value outside its declared support.</exception>
    public IrCell? Lower(string cellName, IReadOnlyDictionary<string, double> hyperParameters, out IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(hyperParameters);
        var cell = FindCell(cellName);
        HyperParameters.Validate(cell, hyperParameters);
        var bag = new DiagnosticBag();
        var result = FrontEnd.RunOnLargeStack(() => CellLowerer.Lower(cell, _standardSources, hyperParameters, bag));
        diagnostics = bag.ToSortedList();
        return result;
    }

    private BoundCell FindCell(string cellName)
    {
        if (HasErrors)
        {
            throw new ArgumentException("the compilation has errors; report its diagnostics instead of lowering a cell", nameof(cellName));
        }

        return _givenCells.FirstOrDefault(c => c.Name == cellName)
            ?? throw new ArgumentException($"no cell named '{cellName}' in the given files{CellList(cellName)}", nameof(cellName));
    }

    /// <summary>SHA-256 of the canonical text of every file (<see cref="Compiler.SpecHash"/>): what a checkpoint records.</summary>
    public string SpecHash => Compiler.SpecHash.Of(SyntaxTrees);

    private string CellList(string requested)
    {
        var names = _givenCells.Select(c => c.Name).ToList();
        return names.Count == 0 ? " (they declare no cell)" : $"{DidYouMean.Clause(requested, names)}; they declare {string.Join(", ", names)}";
    }

    private static Compilation Run(Func<DiagnosticBag, FrontEndResult> frontEnd) => FrontEnd.RunOnLargeStack(() =>
    {
        var bag = new DiagnosticBag();
        var result = frontEnd(bag);
        var given = result.Model.Cells.Where(c => result.GivenSources.Contains(c.Source)).ToList();
        var irCells = new List<IrCell>();
        if (result.IsBound && !bag.HasErrors)
        {
            try
            {
                foreach (var cell in given)
                {
                    if (CellLowerer.Lower(cell, result.StandardSources, hyperParameters: null, bag) is { } ir)
                    {
                        irCells.Add(ir);
                    }
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                FrontEnd.ReportInternalError(bag, result.SyntaxTrees[0].Source, ex);
            }
        }

        if (bag.HasErrors)
        {
            irCells.Clear();
        }

        // Without errors every given cell lowered, in order; with errors none did.
        var summaries = given.Select((c, k) => CellDescriber.Describe(c, irCells.Count == given.Count ? irCells[k] : null)).ToList();
        return new Compilation(result.SyntaxTrees, result.Model, summaries, irCells, null, bag.ToSortedList(), result.StandardSources, given);
    });
}
