namespace GateDsl.Cli.Json;

/// <summary>What the compiler knows of one gate.</summary>
/// <param name="Name">i, f, o or candidate.</param>
/// <param name="Stochastic">Whether it depends on a draw in training.</param>
/// <param name="Law">Its marginal law (operands in the training step), or null when deterministic or unknown.</param>
/// <param name="Joint">Its place in a joint law, or null.</param>
/// <param name="Evaluation">deterministic, sampled, exactMean, plugInMean, exactMode or plugInMode.</param>
public sealed record IrGateDto(string Name, bool Stochastic, IrLawDto? Law, IrJointDto? Joint, string Evaluation);
