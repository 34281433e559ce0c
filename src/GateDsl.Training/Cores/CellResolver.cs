using GateDsl.Compiler;
using GateDsl.Language.Model;

namespace GateDsl.Training.Cores;

/// <summary>
/// Finds the cell to train in a spec and chooses what runs it. Until the compiled layer of issue 7 is
/// merged, the only runner is the interim <see cref="TorchLstmCore"/>, and it is used only for cells
/// that are exactly the standard LSTM (deterministic sigmoid i, f, o on their own heads, tanh
/// candidate, K = 4, no draws, no priors); every other cell is refused with
/// <see cref="CellProblem.NotTrainableYet"/> rather than silently trained as an LSTM. When compiled
/// cells land, <see cref="Runner"/> returns their factory instead (a few lines).
/// </summary>
public static class CellResolver
{
    /// <summary>Compiles <paramref name="specPath"/> and resolves <paramref name="cellName"/> in it.</summary>
    public static ResolvedCell Resolve(string specPath, string cellName)
    {
        ArgumentException.ThrowIfNullOrEmpty(specPath);
        ArgumentException.ThrowIfNullOrEmpty(cellName);
        var compilation = Compilation.FromFiles([specPath]);
        if (compilation.HasErrors)
        {
            return new ResolvedCell(specPath, cellName, compilation, null, CellProblem.SpecErrors, $"{specPath} has errors", null);
        }

        var cell = compilation.Cells.FirstOrDefault(c => c.Name == cellName);
        if (cell is null)
        {
            return new ResolvedCell(specPath, cellName, compilation, null, CellProblem.UnknownCell, $"no cell '{cellName}' in {specPath}", null);
        }

        var runner = Runner(cell);
        if (runner is null)
        {
            return new ResolvedCell(
                specPath,
                cellName,
                compilation,
                cell,
                CellProblem.NotTrainableYet,
                $"cell '{cellName}' cannot be trained yet: training any cell other than the standard LSTM needs the compiled cells of issue 7, " +
                "which are not merged; today only cells equal to stdlib LSTM (sigmoid i, f, o; tanh candidate; no draws or priors) train, on the interim nn.LSTM baseline",
                null);
        }

        return new ResolvedCell(specPath, cellName, compilation, cell, CellProblem.None, string.Empty, runner);
    }

    /// <summary>Whether a cell is exactly the standard LSTM, so that nn.LSTM computes it.</summary>
    public static bool IsStandardLstm(CellSummary cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        bool Deterministic(string name, string definition) =>
            cell.Gates.Count(g => g.Name == name) == 1
            && cell.Gates.Single(g => g.Name == name) is { IsStochastic: false } gate
            && gate.Definition == definition;
        return cell.HeadCount == 4
            && cell.Draws.Count == 0
            && cell.Priors.Count == 0
            && Deterministic("i", "sigmoid(linear)")
            && Deterministic("f", "sigmoid(linear)")
            && Deterministic("o", "sigmoid(linear)")
            && Deterministic("candidate", "tanh(linear)");
    }

    private static IRecurrentCoreFactory? Runner(CellSummary cell) =>
        IsStandardLstm(cell) ? new TorchLstmCoreFactory(cell.Name) : null;
}
