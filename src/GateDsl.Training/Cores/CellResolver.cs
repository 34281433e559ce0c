using GateDsl.Compiler;

namespace GateDsl.Training.Cores;

/// <summary>
/// Compiles a spec and finds the cell to train in it; every cell of a spec without errors trains, as a
/// compiled layer (<see cref="CompiledLayerFactory"/>).
/// </summary>
public static class CellResolver
{
    /// <summary>Compiles <paramref name="specPath"/> and resolves <paramref name="cellName"/> in it.</summary>
    public static ResolvedCell Resolve(string specPath, string cellName)
    {
        ArgumentException.ThrowIfNullOrEmpty(specPath);
        ArgumentException.ThrowIfNullOrEmpty(cellName);
        var spec = GateCompiler.Compile(specPath);
        var compilation = spec.Compilation;
        if (spec.HasErrors)
        {
            return new ResolvedCell(specPath, cellName, compilation, null, CellProblem.SpecErrors, $"{specPath} has errors", null);
        }

        var cell = compilation.Cells.FirstOrDefault(c => c.Name == cellName);
        if (cell is null)
        {
            return new ResolvedCell(specPath, cellName, compilation, null, CellProblem.UnknownCell, $"no cell '{cellName}' in {specPath}", null);
        }

        return new ResolvedCell(specPath, cellName, compilation, cell, CellProblem.None, string.Empty, new CompiledLayerFactory(spec, cellName));
    }
}
