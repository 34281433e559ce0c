namespace GateDsl.Training.Cores;

/// <summary>Why a cell cannot be trained.</summary>
public enum CellProblem
{
    /// <summary>Nothing: the cell can be trained.</summary>
    None,

    /// <summary>The spec has errors (its diagnostics say which).</summary>
    SpecErrors,

    /// <summary>The spec defines no cell of that name.</summary>
    UnknownCell,
}
