namespace GateDsl.Cli.Json;

/// <summary>A cell's gate IR as data.</summary>
/// <param name="Name">The cell.</param>
/// <param name="Heads">K: head indices lie in 0..K-1.</param>
/// <param name="Evaluation">The spec's rule: mean, sample or mode.</param>
/// <param name="HyperParameters">The hyperparameter values folded into the programs.</param>
/// <param name="TrainingStep">The program of a training step (with draws).</param>
/// <param name="EvaluationStep">The program of an evaluation step.</param>
/// <param name="Gates">What the compiler knows of i, f, o and the candidate; law operands index <paramref name="TrainingStep"/>'s instructions.</param>
public sealed record IrCellDto(
    string Name,
    int Heads,
    string Evaluation,
    IReadOnlyList<IrHyperParameterDto> HyperParameters,
    IrProgramDto TrainingStep,
    IrProgramDto EvaluationStep,
    IReadOnlyList<IrGateDto> Gates);
