namespace GateDsl.Training.Runs;

/// <summary>One epoch of a run, as metrics.json stores it.</summary>
/// <param name="Epoch">1-based epoch number.</param>
/// <param name="Train">Running averages over the epoch's training batches (training mode: dropout and sampled gates).</param>
/// <param name="Valid">The validation part in evaluation mode after the epoch.</param>
/// <param name="Seconds">Wall-clock seconds of the epoch (training and validation).</param>
/// <param name="LearningRate">The learning rate used during the epoch.</param>
/// <param name="GateGradients">Mean |dLoss/dz| at each head's pre-activation (i, f, ...) on a fixed training batch after the epoch; empty when the core reports none.</param>
public sealed record EpochRecord(int Epoch, SplitMetrics Train, SplitMetrics Valid, double Seconds, double LearningRate, IReadOnlyDictionary<string, double> GateGradients);
