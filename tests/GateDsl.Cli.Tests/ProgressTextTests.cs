using GateDsl.Cli.Commands;
using GateDsl.Compiler.Backends.TorchSharp;
using GateDsl.Training.Runs;
using GateDsl.Training.Tasks;

namespace GateDsl.Cli.Tests;

/// <summary>The lines under a run's header, which the live panel and the plain display both print.</summary>
public sealed class ProgressTextTests
{
    private static RunInfo Info(int startEpoch, int startBatch) => new(
        "LSTM",
        "compiled cell",
        new TrainSettings("adding:4", 3, 8, 1, 0, DropoutKind.Plain, 32, 2e-3, 1, 1, 7),
        1234,
        "generated",
        10,
        startEpoch,
        startBatch,
        "runs/x",
        TaskMetric.MeanSquaredError);

    [Fact]
    public void A_new_run_lists_its_settings_data_and_folder()
    {
        Assert.Equal(
            [
                "  1,234 parameters: hidden 8, 1 layer; batch 32, Adam lr 0.002, clip 1, kl weight 1, seed 7; 3 epochs of 10 batches",
                "  data: generated",
                "  out: runs/x",
            ],
            ProgressText.Details(Info(1, 0)));
    }

    [Theory]
    [InlineData(1, 4)]
    [InlineData(2, 0)]
    public void A_resumed_run_says_where_it_picks_up(int epoch, int batch)
    {
        Assert.Equal($"  resuming at epoch {epoch}, after batch {batch}", ProgressText.Details(Info(epoch, batch)).Last());
    }
}
