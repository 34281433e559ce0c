namespace GateDsl.Compiler.Ir;

/// <summary>What the compiler knows of one gate (or the candidate).</summary>
/// <param name="Name">i, f, o or candidate.</param>
/// <param name="IsStochastic">Whether it depends on a draw in training.</param>
/// <param name="Law">Its marginal law when the compiler could work it out (null when deterministic or unknown).</param>
/// <param name="Joint">The law of the pair it forms with another gate, when known.</param>
/// <param name="Evaluation">How evaluation computes it.</param>
public sealed record IrGate(string Name, bool IsStochastic, IrLaw? Law, IrJoint? Joint, GateEvaluation Evaluation);
