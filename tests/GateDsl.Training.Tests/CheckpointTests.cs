using GateDsl.Training.Tasks;
using GateDsl.Training.Runs;

namespace GateDsl.Training.Tests;

/// <summary>Unusable checkpoints get a clear error naming the file, never a crash.</summary>
public sealed class CheckpointTests
{
    [Fact]
    public void Truncated_checkpoint_is_named_with_its_problem()
    {
        using var folder = new TempDirectory();
        var run = folder.Combine("run");
        Trainer.Run(Runs.Request(new AddingTask(4, new GeneratedSizes(64, 16, 16)), run, epochs: 1, hidden: 8, batch: 32), SilentObserver.Instance);
        var last = Path.Combine(run, Trainer.LastCheckpoint);
        var bytes = File.ReadAllBytes(last);
        File.WriteAllBytes(last, bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<CheckpointException>(() => Checkpoint.ReadState(last));

        Assert.StartsWith($"{last} is not a usable GateDsl checkpoint for this model (", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Missing_checkpoint_is_named()
    {
        var error = Assert.Throws<CheckpointException>(() => Checkpoint.ReadState("/nonexistent/best.ckpt"));

        Assert.Equal("checkpoint /nonexistent/best.ckpt does not exist", error.Message);
    }
}
