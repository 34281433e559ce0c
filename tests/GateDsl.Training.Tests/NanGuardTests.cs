using GateDsl.Training.Tasks;
using GateDsl.Training.Runs;

namespace GateDsl.Training.Tests;

/// <summary>A NaN loss stops the run with a message naming the epoch and batch, and the last good checkpoints stay as they were.</summary>
public sealed class NanGuardTests
{
    [Fact]
    public void Nan_loss_stops_at_its_epoch_and_batch_and_keeps_the_last_good_checkpoints()
    {
        using var folder = new TempDirectory();
        var run = folder.Combine("run");

        // 8 batches an epoch: the 20th training batch is epoch 3, batch 4.
        var watcher = new CheckpointWatcher(run);
        var outcome = Trainer.Run(
            Runs.Request(new AddingTask(6, new GeneratedSizes(256, 64, 64)), run, epochs: 5, hidden: 12, batch: 32, cell: PoisonedCore.Cell(poisonFrom: 20)),
            watcher);

        Assert.Equal(RunStatus.Diverged, outcome.Status);
        Assert.StartsWith("training stopped: the loss is NaN at epoch 3, batch 4 of 8; the last good checkpoints are kept: best.ckpt (epoch ", outcome.Message);
        Assert.Contains("last.ckpt (epoch 2)", outcome.Message);
        Assert.Equal(2, outcome.Metrics.Epochs.Count);

        // last.ckpt is byte for byte what epoch 2 wrote; best.ckpt still loads and holds the best epoch.
        Assert.Equal(watcher.LastAfterEpoch2, File.ReadAllBytes(Path.Combine(run, Trainer.LastCheckpoint)));
        var best = Checkpoint.ReadState(Path.Combine(run, Trainer.BestCheckpoint));
        Assert.Equal(outcome.Metrics.BestEpoch, best.Epoch);
        Assert.NotEmpty(CheckpointWeights.Read(Path.Combine(run, Trainer.BestCheckpoint), new AddingTask(6, new GeneratedSizes(1, 1, 1))));

        var written = MetricsJson.ReadRun(Path.Combine(run, Trainer.MetricsFile));
        Assert.Equal(RunStatus.Diverged, written.Status);
        Assert.Equal(outcome.Message, written.Message);
    }

    [Fact]
    public void Nan_in_the_first_epoch_says_no_checkpoint_was_written()
    {
        using var folder = new TempDirectory();
        var run = folder.Combine("run");

        var outcome = Trainer.Run(
            Runs.Request(new AddingTask(6, new GeneratedSizes(256, 64, 64)), run, epochs: 2, hidden: 12, batch: 32, cell: PoisonedCore.Cell(poisonFrom: 1)),
            SilentObserver.Instance);

        Assert.Equal(RunStatus.Diverged, outcome.Status);
        Assert.Equal("training stopped: the loss is NaN at epoch 1, batch 1 of 8; no checkpoint had been written yet; try a lower --lr or --clip", outcome.Message);
        Assert.False(File.Exists(Path.Combine(run, Trainer.LastCheckpoint)));
    }

    /// <summary>Copies last.ckpt when epoch 2 ends.</summary>
    private sealed class CheckpointWatcher(string run) : ITrainingObserver
    {
        public byte[] LastAfterEpoch2 { get; private set; } = [];

        public void RunStarted(RunInfo info)
        {
        }

        public void BatchCompleted(BatchReport report)
        {
        }

        public void EpochCompleted(EpochRecord record, bool isBest)
        {
            if (record.Epoch == 2)
            {
                LastAfterEpoch2 = File.ReadAllBytes(Path.Combine(run, Trainer.LastCheckpoint));
            }
        }

        public void Message(string text)
        {
        }
    }
}
