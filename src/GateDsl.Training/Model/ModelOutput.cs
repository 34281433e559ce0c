using static TorchSharp.torch;

namespace GateDsl.Training.Model;

/// <summary>The model's result for one batch.</summary>
/// <param name="Logits">Readout per step [T, B, O].</param>
/// <param name="Kl">Scalar: the core's weighted prior KL summed over units, real steps and batch.</param>
internal sealed record ModelOutput(Tensor Logits, Tensor Kl);
