using GateDsl.Compiler.Ir;

namespace GateDsl.Compiler.Description;

/// <summary>
/// What <c>gatec describe</c> reports for one cell: the cell as written (gates, draws, heads, priors,
/// evaluation rule, hyperparameters) and what the compiler worked out of it (each gate's law, the
/// joint law of a correlated pair, how evaluation computes each gate, how each prior's KL is
/// computed). The parameter count for given sizes is the back end's
/// (<see cref="Backends.TorchSharp.CellLayout"/>), from <see cref="HeadCount"/>.
/// </summary>
/// <param name="Name">The cell's name.</param>
/// <param name="Path">The file that defines it.</param>
/// <param name="Line">1-based line of the <c>cell</c> keyword.</param>
/// <param name="HeadCount">K: the number of learned heads (<c>linear</c> occurrences after expanding families).</param>
/// <param name="Gates">i, f, o and the candidate, in that order.</param>
/// <param name="Joint">The joint law of the correlated pair (i, f), when the compiler knows it; else null.</param>
/// <param name="Draws">Every draw of the cell after inlining distributions (primitive draws).</param>
/// <param name="Priors">The priors, their KL weights and how each KL term is computed.</param>
/// <param name="EvaluationRule">mean, sample or mode.</param>
/// <param name="EvaluationRuleIsDefault">True when the cell has no <c>evaluate</c> statement.</param>
/// <param name="Parameters">The cell's hyperparameters with the values used (their defaults).</param>
/// <param name="Ir">The lowered cell; null when the compilation has errors (then laws, evaluation kinds and KL methods are unknown).</param>
public sealed record CellSummary(
    string Name,
    string Path,
    int Line,
    int HeadCount,
    IReadOnlyList<GateSummary> Gates,
    JointLawSummary? Joint,
    IReadOnlyList<DrawSummary> Draws,
    IReadOnlyList<PriorSummary> Priors,
    string EvaluationRule,
    bool EvaluationRuleIsDefault,
    IReadOnlyList<HyperParameterSummary> Parameters,
    IrCell? Ir);
