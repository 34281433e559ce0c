namespace GateDsl.Language.Model;

/// <summary>
/// What <c>gatec describe</c> reports for one checked cell: its gates, draws, heads, priors and
/// evaluation rule. Produced by the binder from a bound cell.
/// </summary>
/// <param name="Name">The cell's name.</param>
/// <param name="Path">The file that defines it.</param>
/// <param name="Line">1-based line of the <c>cell</c> keyword.</param>
/// <param name="HeadCount">K: the number of learned heads (<c>linear</c> occurrences after expanding families).</param>
/// <param name="Gates">i, f, o and the candidate, in that order.</param>
/// <param name="Draws">Every draw of the cell after inlining distributions (primitive draws).</param>
/// <param name="Priors">The priors and their KL weights.</param>
/// <param name="EvaluationRule">mean, sample or mode.</param>
/// <param name="EvaluationRuleIsDefault">True when the cell has no <c>evaluate</c> statement.</param>
/// <param name="Parameters">The cell's hyperparameters with their values.</param>
public sealed record CellSummary(
    string Name,
    string Path,
    int Line,
    int HeadCount,
    IReadOnlyList<GateSummary> Gates,
    IReadOnlyList<DrawSummary> Draws,
    IReadOnlyList<PriorSummary> Priors,
    string EvaluationRule,
    bool EvaluationRuleIsDefault,
    IReadOnlyList<HyperParameterSummary> Parameters)
{
    /// <summary>
    /// Learnable parameters for the given sizes, as in the paper's code: one fused map of K*H rows
    /// over [x, h] plus one bias per row: K*H*(I+H) + K*H, computed in checked 64-bit arithmetic
    /// (I + H alone can exceed <see cref="int.MaxValue"/>).
    /// </summary>
    /// <exception cref="OverflowException">The count does not fit in a <see cref="long"/>.</exception>
    public long ParameterCount(int inputSize, int hiddenSize)
    {
        checked
        {
            long rows = (long)HeadCount * hiddenSize;
            return (rows * ((long)inputSize + hiddenSize)) + rows;
        }
    }
}
