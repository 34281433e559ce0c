using GateDsl.Compiler.Backends.TorchSharp;
using GateDsl.Training.Cores;
using GateDsl.Training.Tasks;
using GateDsl.Training.Runs;

namespace GateDsl.Training.Tests;

/// <summary>
/// <c>--resume</c> gives the same result as an uninterrupted run with the same seed: the same epoch
/// records, the same test scores and bit-identical weights, whether the run was interrupted in the
/// middle of an epoch (Ctrl-C) or extended after its last epoch.
/// </summary>
public sealed class ResumeTests
{
    private static readonly GeneratedSizes Sizes = new(256, 64, 64);

    [Theory]
    [InlineData("LSTM")]
    [InlineData("BBetaLSTM5GPrior")] // Gamma draws, a prior KL, and locked dropout between two layers
    public void Interrupted_in_mid_epoch_and_resumed_equals_uninterrupted(string cell)
    {
        using var folder = new TempDirectory();
        var reference = Trainer.Run(Request(folder.Combine("reference"), epochs: 3, cell), SilentObserver.Instance);

        using var cancel = new CancellationTokenSource();
        var stopper = new CancelAt(epoch: 2, batch: 5, cancel);
        var first = Trainer.Run(Request(folder.Combine("resumed"), epochs: 3, cell), stopper, cancel.Token);
        Assert.Equal(RunStatus.Interrupted, first.Status);
        Assert.Contains("interrupted at epoch 2, batch 5 of 8", first.Message);
        Assert.Contains("--resume", first.Message);
        var resumed = Trainer.Run(Request(folder.Combine("resumed"), epochs: null, cell) with { Resume = true }, SilentObserver.Instance);

        AssertSameRun(reference, resumed, folder.Combine("reference"), folder.Combine("resumed"));
        Assert.Equal(cell != "LSTM", reference.Metrics.Epochs[0].Train.Kl > 0);
    }

    [Fact]
    public void Extended_after_its_last_epoch_equals_a_longer_run()
    {
        using var folder = new TempDirectory();
        var reference = Trainer.Run(Request(folder.Combine("reference"), epochs: 3), SilentObserver.Instance);

        var shorter = Trainer.Run(Request(folder.Combine("extended"), epochs: 2), SilentObserver.Instance);
        Assert.Equal(RunStatus.Completed, shorter.Status);
        var extended = Trainer.Run(Request(folder.Combine("extended"), epochs: 3) with { Resume = true }, SilentObserver.Instance);

        AssertSameRun(reference, extended, folder.Combine("reference"), folder.Combine("extended"));
    }

    [Fact]
    public void Resume_refuses_a_setting_that_differs_from_the_checkpoint()
    {
        using var folder = new TempDirectory();
        Trainer.Run(Request(folder.Combine("run"), epochs: 1), SilentObserver.Instance);

        var error = Assert.Throws<TrainingSetupException>(() =>
            Trainer.Run(WithHiddenSize(Request(folder.Combine("run"), epochs: 2), 17) with { Resume = true }, SilentObserver.Instance));

        Assert.Equal("--resume continues the run with its own settings: --hidden-size 17 differs from the checkpoint's 12 (drop --hidden-size, or start a new run with another --out)", error.Message);
    }

    [Fact]
    public void A_new_run_refuses_a_folder_that_holds_one()
    {
        using var folder = new TempDirectory();
        Trainer.Run(Request(folder.Combine("run"), epochs: 1), SilentObserver.Instance);

        var error = Assert.Throws<TrainingSetupException>(() => Trainer.Run(Request(folder.Combine("run"), epochs: 1), SilentObserver.Instance));

        Assert.Contains("already holds a run: continue it with --resume, or choose another --out", error.Message);
    }

    private static TrainRequest Request(string folder, int? epochs, string cell = "LSTM")
    {
        var request = Runs.Request(new AddingTask(6, Sizes), folder, epochs ?? 0, hidden: 12, batch: 32, seed: 42, cell: CellResolver.Resolve(RepoPaths.Stdlib("cells.gate"), cell));
        return request with
        {
            Options = request.Options with { Epochs = epochs, Layers = cell == "LSTM" ? null : 2, Dropout = cell == "LSTM" ? null : 0.3, DropoutKind = cell == "LSTM" ? null : DropoutKind.Locked },
        };
    }

    private static TrainRequest WithHiddenSize(TrainRequest request, int hidden) => request with { Options = request.Options with { HiddenSize = hidden } };

    private static void AssertSameRun(TrainingOutcome expected, TrainingOutcome actual, string expectedFolder, string actualFolder)
    {
        Assert.Equal(RunStatus.Completed, actual.Status);
        Assert.Equal(expected.Metrics.Epochs.Count, actual.Metrics.Epochs.Count);
        foreach (var (e, a) in expected.Metrics.Epochs.Zip(actual.Metrics.Epochs))
        {
            Assert.Equal(e.Train, a.Train);
            Assert.Equal(e.Valid, a.Valid);
            Assert.Equal(e.LearningRate, a.LearningRate);
            Assert.Equal(e.GateGradients.OrderBy(p => p.Key), a.GateGradients.OrderBy(p => p.Key));
        }

        Assert.Equal(expected.Metrics.BestEpoch, actual.Metrics.BestEpoch);
        Assert.Equal(expected.Metrics.Test, actual.Metrics.Test);
        var task = new AddingTask(6, Sizes);
        foreach (var checkpoint in new[] { Trainer.BestCheckpoint, Trainer.LastCheckpoint })
        {
            CheckpointWeights.AssertEqual(
                CheckpointWeights.Read(Path.Combine(expectedFolder, checkpoint), task),
                CheckpointWeights.Read(Path.Combine(actualFolder, checkpoint), task));
        }
    }

    /// <summary>Cancels the run, as Ctrl-C does, once the given batch is done.</summary>
    private sealed class CancelAt(int epoch, int batch, CancellationTokenSource cancel) : ITrainingObserver
    {
        public void RunStarted(RunInfo info)
        {
        }

        public void BatchCompleted(BatchReport report)
        {
            if (report.Epoch == epoch && report.Batch == batch)
            {
                cancel.Cancel();
            }
        }

        public void EpochCompleted(EpochRecord record, bool isBest)
        {
        }

        public void Message(string text)
        {
        }
    }
}
