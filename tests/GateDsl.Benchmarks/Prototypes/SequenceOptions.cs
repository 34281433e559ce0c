using TorchSharp;

namespace GateDsl.Benchmarks.Prototypes;

/// <summary>The non-tensor arguments of a <see cref="SequenceFunction"/> call.</summary>
/// <param name="Cell">The elementwise step.</param>
/// <param name="Mask">Optional [T, B] mask (1 = real step, 0 = padding), the input's dtype; a padded step leaves h and c unchanged, outputs 0 and adds no KL.</param>
/// <param name="Seed">Key of the random streams.</param>
/// <param name="CounterOffset">Counter offset of the call (its draws use counters 5 (offset + t B H) + ...); advance by T*B*H between calls.</param>
public sealed record SequenceOptions(SequenceCell Cell, torch.Tensor? Mask, ulong Seed, ulong CounterOffset);
