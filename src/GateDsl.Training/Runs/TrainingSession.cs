using GateDsl.Compiler.Backends.TorchSharp;
using System.Diagnostics;
using System.Globalization;
using GateDsl.Training.Cores;
using GateDsl.Training.Data;
using GateDsl.Training.Model;
using GateDsl.Training.Plots;
using GateDsl.Training.Tasks;
using TorchSharp.Modules;
using static GateDsl.Training.Runs.Trainer;
using static TorchSharp.torch;

namespace GateDsl.Training.Runs;

/// <summary>One training session of <see cref="Trainer"/>: the model, optimizer and run state between opening and the end.</summary>
internal sealed class TrainingSession : IDisposable
{
    private readonly TrainRequest request;
    private readonly ITrainingObserver observer;
    private readonly TrainingTask task;
    private readonly TrainSettings settings;
    private readonly SequenceModel model;
    private readonly Adam optimizer;
    private readonly RunMetrics metrics;
    private readonly string folder;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly double previousSeconds;
    private int epoch;
    private int nextBatch;
    private EpochProgress partial;
    private double learningRate;
    private int sessionBatches;
    private double lastEvaluationSeconds;
    private string? lastSaved;

    private TrainingSession(TrainRequest request, ITrainingObserver observer, TrainingTask task, TrainSettings settings, CheckpointState? resumed)
    {
        this.request = request;
        this.observer = observer;
        this.task = task;
        this.settings = settings;
        folder = Path.GetFullPath(request.OutputFolder);
        manual_seed(settings.Seed);
        var core = request.Cell.Factory!.Create(task.InputSize, settings.HiddenSize, settings.Layers, settings.Dropout, settings.DropoutKind);
        core.Draws = DrawState.Start(settings.Seed);
        model = new SequenceModel(task, core);
        learningRate = settings.LearningRate;
        optimizer = optim.Adam(model.parameters(), learningRate);
        partial = new EpochProgress();
        if (resumed is not null)
        {
            resumed = Checkpoint.LoadAll(Path.Combine(folder, LastCheckpoint), model, optimizer);
            core.Draws = DrawState.Start(settings.Seed) with { Sequences = resumed.DrawSequences };
            epoch = resumed.Epoch;
            nextBatch = resumed.NextBatch;
            partial = resumed.Partial;
            learningRate = resumed.LearningRate;
            SetLearningRate(learningRate);
            metrics = resumed.Metrics;
            previousSeconds = metrics.TotalSeconds;
            lastSaved = SavedAt();
        }
        else
        {
            metrics = new RunMetrics();
        }

        if (resumed is null)
        {
            metrics.Command = request.CommandLine;
        }
        else
        {
            metrics.ResumedBy.Add(request.CommandLine);
        }

        metrics.Cell = request.Cell.CellName;
        metrics.Implementation = core.Implementation;
        metrics.SpecFile = Path.GetFullPath(request.Cell.SpecPath);
        metrics.SpecHash = request.Cell.SpecHash;
        metrics.Data = task.DataDescription;
        metrics.Metric = MetricName(task.Metric);
        metrics.Settings = settings;
        metrics.Parameters = model.ParameterCount;
        metrics.CoreParameters = core.ParameterCount;
        metrics.Versions = VersionInfo.Collect();
        metrics.Status = RunStatus.Running;
        metrics.Message = null;
    }

    public static TrainingSession Open(TrainRequest request, ITrainingObserver observer)
    {
        var folder = Path.GetFullPath(request.OutputFolder);
        var last = Path.Combine(folder, LastCheckpoint);
        CheckpointState? saved = null;
        if (request.Resume)
        {
            if (!File.Exists(last))
            {
                throw new TrainingSetupException($"--resume: {folder} holds no {LastCheckpoint} to continue from (give the --out folder of an earlier run)");
            }

            saved = Checkpoint.ReadState(last);
            if (saved.Cell != request.Cell.CellName || saved.SpecHash != request.Cell.SpecHash)
            {
                throw new TrainingSetupException(
                    $"--resume: {last} was trained on cell {saved.Cell} of a spec with hash {saved.SpecHash}; " +
                    $"the command names cell {request.Cell.CellName} of {request.Cell.SpecPath} (hash {request.Cell.SpecHash})");
            }

            if (saved.Settings?.Task != request.Options.Task.FullName)
            {
                throw new TrainingSetupException($"--resume: {last} was trained on task {saved.Settings?.Task}; the command names task {request.Options.Task.FullName}");
            }
        }
        else if (File.Exists(last) || File.Exists(Path.Combine(folder, MetricsFile)))
        {
            throw new TrainingSetupException($"{folder} already holds a run: continue it with --resume, or choose another --out");
        }

        var task = request.Options.LoadTask(observer.Message, saved?.Vocabulary);
        var settings = SettingsResolver.Resolve(request, task, saved?.Settings);
        Directory.CreateDirectory(folder);
        return new TrainingSession(request, observer, task, settings, saved);
    }

    public TrainingOutcome Train(CancellationToken token)
    {
        var batchesPerEpoch = (task.Count(Split.Train) + settings.BatchSize - 1) / settings.BatchSize;
        observer.RunStarted(new RunInfo(
            metrics.Cell, metrics.Implementation, settings, metrics.Parameters, metrics.Data, batchesPerEpoch,
            epoch + 1, nextBatch, folder, task.Metric));
        model.train();
        while (epoch < settings.Epochs)
        {
            var current = epoch + 1;
            var batches = EpochBatches(task.Count(Split.Train), settings.BatchSize, settings.Seed, current);
            var epochClock = Stopwatch.StartNew();
            for (var b = nextBatch; b < batches.Count; b++)
            {
                if (token.IsCancellationRequested)
                {
                    return Interrupt(current, b, batches.Count, epochClock);
                }

                if (TrainBatch(batches[b]) is { } problem)
                {
                    return Diverge($"{problem} at epoch {current}, batch {b + 1} of {batches.Count}");
                }

                sessionBatches++;
                observer.BatchCompleted(new BatchReport(
                    current, settings.Epochs, b + 1, batches.Count, partial.ToMetrics(settings.KlWeight, HasAccuracy),
                    sessionBatches / Math.Max(1e-9, clock.Elapsed.TotalSeconds),
                    SecondsLeft(current, b + 1, batches.Count)));
            }

            var evaluationClock = Stopwatch.StartNew();
            var valid = ModelScoring.Evaluate(model, task, Split.Valid, ModelScoring.EvaluationBatchSize(settings.BatchSize), settings.KlWeight);
            var gradients = ModelScoring.GateGradients(model, task, optimizer, settings.BatchSize, settings.KlWeight, ProbeSeed(current));
            lastEvaluationSeconds = evaluationClock.Elapsed.TotalSeconds;
            if (!double.IsFinite(valid.Loss))
            {
                return Diverge($"validation loss is {Number(valid.Loss)} after epoch {current}");
            }

            EndEpoch(current, valid, gradients, partial.Seconds + epochClock.Elapsed.TotalSeconds);
        }

        if (token.IsCancellationRequested)
        {
            return Interrupt(epoch + 1, 0, 0, Stopwatch.StartNew());
        }

        return Finish();
    }

    public void Dispose()
    {
        optimizer.Dispose();
        model.Dispose();
    }

    private bool HasAccuracy => task.Metric == TaskMetric.Accuracy;

    /// <summary>One optimisation step; returns what went non-finite, or null.</summary>
    private string? TrainBatch(int[] indices)
    {
        using var scope = NewDisposeScope();
        var batch = task.MakeBatch(Split.Train, indices);
        var output = model.Forward(batch);
        var parts = task.Loss(output.Logits, batch);
        var loss = (parts.DataSum + output.Kl * settings.KlWeight) / batch.Items;
        var value = loss.to(ScalarType.Float64).item<double>();
        if (!double.IsFinite(value))
        {
            return $"loss is {Number(value)}";
        }

        optimizer.zero_grad();
        loss.backward();
        var norm = nn.utils.clip_grad_norm_(model.parameters(), settings.Clip);
        if (!double.IsFinite(norm))
        {
            return $"gradient norm is {Number(norm)}";
        }

        optimizer.step();
        ModelScoring.Add(partial, parts, output.Kl, batch.Items);
        nextBatch++;
        return null;
    }

    private void EndEpoch(int current, SplitMetrics valid, IReadOnlyDictionary<string, double> gradients, double seconds)
    {
        var record = new EpochRecord(current, partial.ToMetrics(settings.KlWeight, HasAccuracy), valid, seconds, learningRate, gradients);
        metrics.Epochs.Add(record);
        var isBest = metrics.BestValidLoss is not { } best || valid.DataLoss < best;
        epoch = current;
        nextBatch = 0;
        partial = new EpochProgress();
        if (isBest)
        {
            metrics.BestEpoch = current;
            metrics.BestValidLoss = valid.DataLoss;
            Save(Trainer.BestCheckpoint, isBest: true);
        }

        if (LearningRateSchedule.ShouldLower(metrics.Epochs.Select(e => e.Valid.DataLoss).ToList()))
        {
            learningRate /= LearningRateSchedule.Factor;
            SetLearningRate(learningRate);
            observer.Message(
                $"epoch {current}: validation loss {Number(valid.DataLoss)} exceeds the largest of the last 3; learning rate now {Number(learningRate)}");
        }

        Save(Trainer.LastCheckpoint, isBest: false);
        WriteMetrics();
        observer.EpochCompleted(record, isBest);
    }

    private TrainingOutcome Finish()
    {
        var best = Path.Combine(folder, BestCheckpoint);
        Checkpoint.LoadModel(best, model);
        var evaluationBatch = ModelScoring.EvaluationBatchSize(settings.BatchSize);
        metrics.Test = ModelScoring.Evaluate(model, task, Split.Test, evaluationBatch, settings.KlWeight);
        metrics.Gates = ModelScoring.CaptureGates(model, task, Split.Test, evaluationBatch);
        metrics.Status = RunStatus.Completed;
        WriteMetrics();
        if (request.Options.WritePlots)
        {
            foreach (var written in RunPlots.Write(folder, metrics))
            {
                observer.Message($"wrote {written}");
            }
        }

        return new TrainingOutcome(RunStatus.Completed, string.Empty, metrics, folder);
    }

    private TrainingOutcome Interrupt(int current, int batch, int batches, Stopwatch epochClock)
    {
        partial.Seconds += epochClock.Elapsed.TotalSeconds; // the time before an earlier interruption is already in it
        var where = current > settings.Epochs
            ? "after the last epoch, before the test part was scored"
            : batch == 0 ? $"before epoch {current}" : $"at epoch {current}, batch {batch} of {batches}";
        Save(Trainer.LastCheckpoint, isBest: false);
        var message = $"interrupted {where}; saved {Path.Combine(folder, LastCheckpoint)}: continue with --resume --out {folder}";
        metrics.Status = RunStatus.Interrupted;
        metrics.Message = message;
        WriteMetrics();
        return new TrainingOutcome(RunStatus.Interrupted, message, metrics, folder);
    }

    private TrainingOutcome Diverge(string what)
    {
        var checkpoints = new List<string>();
        if (metrics.BestEpoch is { } bestEpoch)
        {
            checkpoints.Add($"{BestCheckpoint} (epoch {bestEpoch})");
        }

        if (lastSaved is not null)
        {
            checkpoints.Add($"{LastCheckpoint} ({lastSaved})");
        }

        var kept = checkpoints.Count == 0
            ? "no checkpoint had been written yet"
            : $"the last good checkpoints are kept: {string.Join(" and ", checkpoints)} in {folder}";
        var message = $"training stopped: the {what}; {kept}; try a lower --lr or --clip";
        metrics.Status = RunStatus.Diverged;
        metrics.Message = message;
        WriteMetrics();
        return new TrainingOutcome(RunStatus.Diverged, message, metrics, folder);
    }

    private void Save(string name, bool isBest)
    {
        metrics.TotalSeconds = previousSeconds + clock.Elapsed.TotalSeconds;
        var state = new CheckpointState
        {
            Cell = metrics.Cell,
            Implementation = metrics.Implementation,
            SpecFile = metrics.SpecFile,
            SpecHash = metrics.SpecHash,
            Settings = settings,
            DataPath = request.Options.DataPath is null ? null : Path.GetFullPath(request.Options.DataPath),
            Vocabulary = task.Vocabulary,
            Epoch = epoch,
            NextBatch = nextBatch,
            Partial = partial,
            LearningRate = learningRate,
            DrawSequences = model.Core.Draws.Sequences,
            Metrics = metrics,
            IsBest = isBest,
        };
        Checkpoint.Save(Path.Combine(folder, name), state, model, optimizer);
        if (!isBest)
        {
            lastSaved = SavedAt();
        }
    }

    private string SavedAt() => nextBatch > 0 ? $"epoch {epoch + 1}, batch {nextBatch}" : $"epoch {epoch}";

    private void WriteMetrics()
    {
        metrics.TotalSeconds = previousSeconds + clock.Elapsed.TotalSeconds;
        MetricsJson.Write(Path.Combine(folder, MetricsFile), metrics);
    }

    private void SetLearningRate(double rate)
    {
        foreach (var group in optimizer.ParamGroups)
        {
            group.LearningRate = rate;
        }
    }

    private double? SecondsLeft(int current, int batch, int batches)
    {
        if (sessionBatches < 3)
        {
            return null;
        }

        var perBatch = clock.Elapsed.TotalSeconds / sessionBatches;
        var remainingBatches = (batches - batch) + ((long)(settings.Epochs - current) * batches);
        var evaluations = (settings.Epochs - current + 1) * lastEvaluationSeconds;
        return (perBatch * remainingBatches) + evaluations;
    }

    private long ProbeSeed(int current) => unchecked(settings.Seed * 7919 + current);
}
