using static TorchSharp.torch;

namespace GateDsl.Compiler.Backends.TorchSharp;

/// <summary>One layer's weights in the cell's own layout: head k is rows k*H .. (k+1)*H - 1.</summary>
/// <param name="WeightIh">W_ih [K*H, I].</param>
/// <param name="WeightHh">W_hh [K*H, H].</param>
/// <param name="Bias">b [K*H].</param>
public sealed record CellWeights(Tensor WeightIh, Tensor WeightHh, Tensor Bias);
