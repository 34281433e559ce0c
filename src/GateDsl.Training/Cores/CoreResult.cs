using static TorchSharp.torch;

namespace GateDsl.Training.Cores;

/// <summary>What a recurrent core returns for one batch (the shape of the compiled layer's result).</summary>
/// <param name="Output">The last layer's hidden states [T, B, H].</param>
/// <param name="Final">The final (h, c) of each layer, [B, H] each.</param>
/// <param name="Kl">Scalar: the spec-weighted prior KL summed over units, real steps and batch (0 for cells without priors).</param>
internal sealed record CoreResult(Tensor Output, IReadOnlyList<(Tensor H, Tensor C)> Final, Tensor Kl);
