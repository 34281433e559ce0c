using static TorchSharp.torch;

namespace GateDsl.Training.Tasks;

/// <summary>A task's data loss of one batch.</summary>
/// <param name="DataSum">Scalar: the data loss summed over the scored items (nats, or squared error).</param>
/// <param name="Correct">Scalar count of correctly classified items, or null for tasks without accuracy.</param>
internal sealed record LossParts(Tensor DataSum, Tensor? Correct);
