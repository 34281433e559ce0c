using GateDsl.Training.Data;
using GateDsl.Training.Runs;
using GateDsl.Training.Tasks;

namespace GateDsl.Training.Tests;

/// <summary><c>gatec evaluate</c> re-scores a run's best checkpoint to the test scores the run reported.</summary>
public sealed class EvaluatorTests
{
    [Fact]
    public void Evaluating_the_best_checkpoint_reproduces_the_runs_test_scores()
    {
        using var folder = new TempDirectory();
        var run = folder.Combine("run");

        // A generated task that the evaluator rebuilds from its name alone, with the standard sizes.
        var request = Runs.Request(new CopyTask(3, GeneratedSizes.Standard), run, epochs: 1, hidden: 8, batch: 256);
        request = request with { Options = request.Options with { Task = new TaskChoice("copy", "3") } };
        var outcome = Trainer.Run(request, SilentObserver.Instance);

        var report = Evaluator.Run(Path.Combine(run, Trainer.BestCheckpoint), new TaskChoice("copy", "3"), null, new NpmFetcher("gatedsl-no-such-npm"), _ => { });

        Assert.Equal(outcome.Metrics.Test, report.Test);
        Assert.Equal(outcome.Metrics.Epochs[^1].Valid, report.Valid);
        Assert.Equal(("LSTM", "copy:3", 1), (report.Cell, report.Task, report.Epoch));
    }

    [Fact]
    public void Evaluating_on_another_task_is_refused()
    {
        using var folder = new TempDirectory();
        var run = folder.Combine("run");
        Trainer.Run(Runs.Request(new AddingTask(4, new GeneratedSizes(64, 16, 16)), run, epochs: 1, hidden: 8, batch: 32), SilentObserver.Instance);

        var error = Assert.Throws<TrainingSetupException>(() =>
            Evaluator.Run(Path.Combine(run, Trainer.BestCheckpoint), new TaskChoice("copy", "20"), null, new NpmFetcher(), _ => { }));

        Assert.EndsWith("was trained on task adding:4; --task copy:20 cannot score it", error.Message);
    }
}
