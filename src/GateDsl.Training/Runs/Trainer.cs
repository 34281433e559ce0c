using System.Globalization;
using GateDsl.Training.Cores;
using GateDsl.Training.Data;
using GateDsl.Training.Tasks;

namespace GateDsl.Training.Runs;

/// <summary>
/// Trains a cell on a task (PAPER.md's recipe): Adam, gradient-norm clipping, the learning rate divided
/// by 1.2 after epoch 10 when the validation loss exceeds the largest of the three before it, the
/// best-validation checkpoint kept and scored on the test part at the end. Everything random comes
/// from the seed (weights and draws: libtorch's generator, saved in checkpoints; data order:
/// SplitMix64 per epoch), so <c>--resume</c> from last.ckpt reproduces an uninterrupted run exactly.
/// A NaN or infinite loss or gradient norm stops the run and keeps the last good checkpoints;
/// cancellation (Ctrl-C) saves last.ckpt after the current batch.
/// </summary>
public static class Trainer
{
    /// <summary>metrics.json.</summary>
    public const string MetricsFile = "metrics.json";

    /// <summary>The best-validation checkpoint.</summary>
    public const string BestCheckpoint = "best.ckpt";

    /// <summary>The latest state, to resume from.</summary>
    public const string LastCheckpoint = "last.ckpt";

    /// <summary>Runs (or resumes) the training the request describes.</summary>
    /// <exception cref="TrainingSetupException">The request cannot run (cell, settings, folder, checkpoint).</exception>
    /// <exception cref="DataUnavailableException">The data are missing and cannot be fetched.</exception>
    /// <exception cref="DataFormatException">A data file is malformed.</exception>
    /// <exception cref="CheckpointException">The checkpoint to resume from is unusable.</exception>
    public static TrainingOutcome Run(TrainRequest request, ITrainingObserver observer, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(observer);
        if (request.Cell.Problem != CellProblem.None || request.Cell.Factory is null)
        {
            throw new TrainingSetupException(request.Cell.Message);
        }

        using var session = TrainingSession.Open(request, observer);
        return session.Train(token);
    }

    /// <summary>The batches of one epoch: the training part in the order SplitMix64(seed, epoch) shuffles it, cut into batches.</summary>
    internal static IReadOnlyList<int[]> EpochBatches(int count, int batchSize, long seed, int epoch)
    {
        var order = Enumerable.Range(0, count).ToArray();
        SplitMix64.For(seed, epoch).Shuffle(order);
        return order.Chunk(batchSize).ToList();
    }

    /// <summary>What a metric is called in metrics.json and tables.</summary>
    public static string MetricName(TaskMetric metric) => metric switch
    {
        TaskMetric.FrameNll => "frame NLL (nats)",
        TaskMetric.Accuracy => "accuracy",
        _ => "MSE",
    };

    internal static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
