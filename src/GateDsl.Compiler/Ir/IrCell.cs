using System.Collections.Immutable;
using GateDsl.Language.Binding;

namespace GateDsl.Compiler.Ir;

/// <summary>
/// A cell lowered to the gate IR: K heads of one fused affine map, the program a training step
/// runs (with draws), the program an evaluation step runs (the spec's evaluation rule applied),
/// and what the compiler knows of each gate.
/// </summary>
/// <param name="Name">The cell's name.</param>
/// <param name="HeadCount">K: the rows of the fused affine map are K*H; every <see cref="IrHead.Index"/> lies in 0..K-1 (a head only dead code read is still a head).</param>
/// <param name="Rule">The spec's evaluation rule.</param>
/// <param name="Training">The step in training mode: draws reparameterized.</param>
/// <param name="Evaluation">The step in evaluation mode (equal to <paramref name="Training"/> for `evaluate sample`).</param>
/// <param name="Gates">i, f, o and candidate, in that order; their laws refer to <paramref name="Training"/>.</param>
/// <param name="HyperParameters">The hyperparameters with the values this lowering used.</param>
public sealed record IrCell(
    string Name,
    int HeadCount,
    EvaluationRule Rule,
    IrProgram Training,
    IrProgram Evaluation,
    ImmutableArray<IrGate> Gates,
    ImmutableArray<IrHyperParameter> HyperParameters)
{
    /// <summary>The gate or candidate called <paramref name="name"/> (i, f, o, candidate).</summary>
    public IrGate Gate(string name) => Gates.Single(g => g.Name == name);
}
