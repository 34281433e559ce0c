namespace GateDsl.Cli.Json;

/// <summary>One cell in <c>describe --json</c> output.</summary>
/// <param name="Name">The cell's name.</param>
/// <param name="File">The file that defines it.</param>
/// <param name="Line">1-based line of its <c>cell</c> keyword.</param>
/// <param name="Heads">K, the number of learned heads.</param>
/// <param name="Gates">i, f, o and the candidate.</param>
/// <param name="Draws">Primitive draws after inlining distributions.</param>
/// <param name="Priors">Priors with their KL weights and methods.</param>
/// <param name="Evaluation">mean, sample or mode.</param>
/// <param name="EvaluationIsDefault">True when the cell has no <c>evaluate</c> statement.</param>
/// <param name="HyperParameters">Cell hyperparameters and their values.</param>
/// <param name="ParameterFormula">The count with K filled in, e.g. <c>7*H*(I+H) + 7*H</c>.</param>
/// <param name="ParameterCount">K*H*(I+H) + K*H for the given sizes, or null when they were not given.</param>
/// <param name="Joint">The joint law of the correlated pair (i, f) when the compiler knows it; null otherwise.</param>
public sealed record CellDto(
    string Name,
    string File,
    int Line,
    int Heads,
    IReadOnlyList<GateDto> Gates,
    IReadOnlyList<DrawDto> Draws,
    IReadOnlyList<PriorDto> Priors,
    string Evaluation,
    bool EvaluationIsDefault,
    IReadOnlyList<HyperParameterDto> HyperParameters,
    string ParameterFormula,
    long? ParameterCount,
    JointLawDto? Joint);
