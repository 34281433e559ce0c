using static TorchSharp.torch;

namespace GateDsl.Compiler.Backends.TorchSharp;

/// <summary>What a compiled layer returns for one batch of sequences.</summary>
/// <param name="Output">The last layer's h at every step, [T, B, H] ([B, T, H] batch-first); 0 at padded steps.</param>
/// <param name="Final">Per layer, (h, c) [B, H] each after each sequence's last valid step.</param>
/// <param name="Kl">The weighted prior KL summed over units, valid steps, batch and layers: a scalar in the graph (0 without priors).</param>
public sealed record LayerOutput(Tensor Output, IReadOnlyList<(Tensor H, Tensor C)> Final, Tensor Kl);
