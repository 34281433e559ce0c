using static TorchSharp.torch;

namespace GateDsl.Compiler.Backends.TorchSharp.Fused;

/// <summary>The non-tensor arguments of one <see cref="FusedSequence"/> call.</summary>
/// <param name="Single">The step for float32 tensors.</param>
/// <param name="Double">The step for float64 tensors.</param>
/// <param name="Mask">[T, B] in the input's dtype (1 real, 0 padding), or null; a padded step keeps h and c, outputs 0 and adds no KL.</param>
/// <param name="Key">The stream key of this layer's sequence (<see cref="StreamLayout.Key"/>).</param>
/// <param name="SavedBuffers">Where the saved-values buffer comes from between batches, or null for a fresh one each call.</param>
internal sealed record FusedOptions(KernelStep<float> Single, KernelStep<double> Double, Tensor? Mask, ulong Key, SavedBufferPool? SavedBuffers = null);
