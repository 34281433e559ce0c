using static TorchSharp.torch;

namespace GateDsl.Compiler.Backends.TorchSharp;

/// <summary>The values one step of a cell program computes, each [B, H] (the KL per row [B]).</summary>
/// <param name="InputGate">i.</param>
/// <param name="ForgetGate">f.</param>
/// <param name="OutputGate">o.</param>
/// <param name="Candidate">g.</param>
/// <param name="Kl">Sum over units of the weighted KL terms, per batch row [B]; null when the cell has no prior.</param>
public sealed record StepResult(Tensor InputGate, Tensor ForgetGate, Tensor OutputGate, Tensor Candidate, Tensor? Kl);
