using GateDsl.Training.Cores;
using GateDsl.Training.Data;
using GateDsl.Training.Tasks;
using GateDsl.Training.Runs;
using Xunit.Abstractions;

namespace GateDsl.Training.Tests;

/// <summary>
/// A short run per task lowers the loss: the validation loss after the last epoch is below the first
/// epoch's, and below what a model that learned nothing would score. Small generated data, a few
/// epochs, fixed seeds: deterministic, seconds each.
/// </summary>
public sealed class TrainingRunTests
{
    private readonly ITestOutputHelper output;

    public TrainingRunTests(ITestOutputHelper output) => this.output = output;

    [Fact]
    public void Adding_run_lowers_the_loss_below_always_answering_one()
    {
        var outcome = Train(new AddingTask(10, new GeneratedSizes(2048, 256, 256)), epochs: 8, hidden: 24, batch: 32);

        // Always answering 1 scores E[(S - 1)^2] = Var(S) = 2/12 = 0.167 for S the sum of two U(0,1).
        Assert.True(outcome.Metrics.Epochs[^1].Valid.DataLoss < 0.167 / 3, Describe(outcome));
    }

    [Fact]
    public void Adding_run_of_the_5_gamma_cell_lowers_the_loss()
    {
        var cell = CellResolver.Resolve(RepoPaths.Stdlib("cells.gate"), "BBetaLSTM5G");
        var outcome = Train(new AddingTask(10, new GeneratedSizes(1024, 256, 256)), epochs: 4, hidden: 16, batch: 32, cell);

        Assert.True(outcome.Metrics.Epochs[^1].Valid.DataLoss < 0.167, Describe(outcome));
        Assert.NotNull(outcome.Metrics.Gates);

        // The gate probe reaches a stochastic cell's heads too: every epoch reports i and f.
        Assert.All(outcome.Metrics.Epochs, e => Assert.True(e.GateGradients["i"] > 0 && e.GateGradients["f"] > 0, Describe(outcome)));
    }

    [Fact]
    public void Copy_run_lowers_the_loss()
    {
        var outcome = Train(new CopyTask(2, new GeneratedSizes(1024, 256, 256), symbols: 3), epochs: 6, hidden: 32, batch: 32);

        // Chance: 1/8 of the recalled symbols, ln 8 = 2.08 nats each; this run reaches about 0.5.
        Assert.True(outcome.Metrics.Epochs[^1].Valid.Accuracy > 0.3, Describe(outcome));
    }

    [Fact]
    public void Music_run_lowers_the_frame_nll()
    {
        var outcome = Train(new MusicTask(TestData.Music(64, 16, 16)), epochs: 10, hidden: 24, batch: 8);

        // 88 notes at probability 1/2 cost 88 ln 2 = 61 nats a frame; the chords are predictable.
        Assert.True(outcome.Metrics.Epochs[^1].Valid.DataLoss < 10, Describe(outcome));
    }

    [Fact]
    public void Mnist_rows_run_raises_accuracy_above_chance()
    {
        var outcome = Train(new MnistTask(TestData.Digits(400, 100, 100), MnistVariant.Rows), epochs: 4, hidden: 24, batch: 32);

        Assert.True(outcome.Metrics.Epochs[^1].Valid.Accuracy > 0.5, Describe(outcome));
    }

    [Fact]
    public void Sentences_run_raises_accuracy_above_chance()
    {
        var outcome = Train(new SentencesTask(TestData.Sentences(400, 100, 100)), epochs: 5, hidden: 24, batch: 32);

        Assert.True(outcome.Metrics.Epochs[^1].Valid.Accuracy > 0.75, Describe(outcome));
    }

    private TrainingOutcome Train(TrainingTask task, int epochs, int hidden, int batch, ResolvedCell? cell = null)
    {
        using var folder = new TempDirectory();
        var outcome = Trainer.Run(Runs.Request(task, folder.Combine("run"), epochs, hidden, batch, cell: cell), SilentObserver.Instance);
        output.WriteLine(Describe(outcome));
        Assert.Equal(RunStatus.Completed, outcome.Status);
        Assert.Equal(epochs, outcome.Metrics.Epochs.Count);
        Assert.True(outcome.Metrics.Epochs[^1].Valid.Loss < outcome.Metrics.Epochs[0].Valid.Loss, Describe(outcome));
        var test = outcome.Metrics.Test;
        Assert.True(test is { Items: > 0 } && double.IsFinite(test.DataLoss) && test.DataLoss >= 0, $"test score {test}");
        Assert.True(test.Accuracy is null or (>= 0 and <= 1), $"test accuracy {test.Accuracy}");
        return outcome;
    }

    private static string Describe(TrainingOutcome outcome) =>
        string.Join("; ", outcome.Metrics.Epochs.Select(e => $"epoch {e.Epoch}: train {e.Train.Loss:F4} valid {e.Valid.Loss:F4} acc {e.Valid.Accuracy:F3}"))
        + $"; test {outcome.Metrics.Test?.DataLoss:F4} acc {outcome.Metrics.Test?.Accuracy:F3}";
}
