namespace GateDsl.Training.Runs;

/// <summary>Progress after one training batch.</summary>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="Epochs">Epochs in the run.</param>
/// <param name="Batch">1-based batch within the epoch.</param>
/// <param name="Batches">Batches per epoch.</param>
/// <param name="Running">Running averages of the epoch so far.</param>
/// <param name="StepsPerSecond">Training batches per second in this session.</param>
/// <param name="SecondsLeft">Estimated seconds until the run ends (training, validation and test), or null before an estimate exists.</param>
public sealed record BatchReport(int Epoch, int Epochs, int Batch, int Batches, SplitMetrics Running, double StepsPerSecond, double? SecondsLeft);
