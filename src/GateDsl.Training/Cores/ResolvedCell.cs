using GateDsl.Compiler;
using GateDsl.Compiler.Description;

namespace GateDsl.Training.Cores;

/// <summary>
/// A cell of a spec file resolved for training: the compilation (with its diagnostics), the cell's
/// summary, the spec hash, and either a way to run it or the <see cref="Problem"/> that stops it.
/// </summary>
public sealed class ResolvedCell
{
    internal ResolvedCell(string specPath, string cellName, Compilation compilation, CellSummary? cell, CellProblem problem, string message, IRecurrentCoreFactory? factory)
    {
        SpecPath = specPath;
        CellName = cellName;
        Compilation = compilation;
        Cell = cell;
        Problem = problem;
        Message = message;
        Factory = factory;
        SpecHash = compilation.SpecHash;
    }

    /// <summary>The spec file as given.</summary>
    public string SpecPath { get; }

    /// <summary>The cell name as given.</summary>
    public string CellName { get; }

    /// <summary>The compilation of the spec (diagnostics, cells).</summary>
    public Compilation Compilation { get; }

    /// <summary>The cell, when the spec defines it.</summary>
    public CellSummary? Cell { get; }

    /// <summary>What stops training, or <see cref="CellProblem.None"/>.</summary>
    public CellProblem Problem { get; }

    /// <summary>One line explaining <see cref="Problem"/> (empty when there is none).</summary>
    public string Message { get; }

    /// <summary>The spec's hash (<see cref="Compiler.SpecHash"/>: SHA-256 of its canonical text and its imports'), as checkpoints record it.</summary>
    public string SpecHash { get; }

    /// <summary>What runs the cell ("compiled cell (generic path)", ...), or null when it cannot be trained.</summary>
    public string? Implementation => Factory?.Implementation;

    internal IRecurrentCoreFactory? Factory { get; }
}
