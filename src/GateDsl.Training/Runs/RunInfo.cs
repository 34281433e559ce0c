namespace GateDsl.Training.Runs;

/// <summary>What a run is about to do, for the display's header.</summary>
/// <param name="Cell">The cell.</param>
/// <param name="Implementation">What computes it.</param>
/// <param name="Settings">The settings after defaults.</param>
/// <param name="Parameters">Learnable parameters of the model.</param>
/// <param name="Data">Where the data came from.</param>
/// <param name="BatchesPerEpoch">Training batches per epoch.</param>
/// <param name="StartEpoch">The first epoch this session trains (1, or later when resumed).</param>
/// <param name="StartBatch">Batches of <paramref name="StartEpoch"/> already done (resumed mid-epoch).</param>
/// <param name="OutputFolder">Where metrics, checkpoints and plots go.</param>
/// <param name="Metric">The task's metric.</param>
public sealed record RunInfo(
    string Cell,
    string Implementation,
    TrainSettings Settings,
    long Parameters,
    string Data,
    int BatchesPerEpoch,
    int StartEpoch,
    int StartBatch,
    string OutputFolder,
    Tasks.TaskMetric Metric);
