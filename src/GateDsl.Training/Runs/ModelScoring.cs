using GateDsl.Training.Cores;
using GateDsl.Training.Data;
using GateDsl.Training.Model;
using GateDsl.Training.Tasks;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GateDsl.Training.Runs;

/// <summary>Scores a model on a part, records its gates, and measures the gradients reaching its gate pre-activations.</summary>
internal static class ModelScoring
{
    /// <summary>The batch size for evaluation: at least 64, so scoring is quick; the sums do not depend on it beyond rounding.</summary>
    public static int EvaluationBatchSize(int trainingBatchSize) => Math.Max(trainingBatchSize, 64);

    /// <summary>Scores <paramref name="split"/> in evaluation mode (no dropout; the cell's evaluation rule).</summary>
    public static SplitMetrics Evaluate(SequenceModel model, TrainingTask task, Split split, int batchSize, double klWeight, CancellationToken token = default)
    {
        var wasTraining = model.training;
        model.eval();
        try
        {
            using var noGrad = no_grad();
            var progress = new EpochProgress();
            var count = task.Count(split);
            for (var start = 0; start < count; start += batchSize)
            {
                token.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                var indices = Enumerable.Range(start, Math.Min(batchSize, count - start)).ToArray();
                var batch = task.MakeBatch(split, indices);
                var output = model.Forward(batch);
                var parts = task.Loss(output.Logits, batch);
                Add(progress, parts, output.Kl, batch.Items);
            }

            return progress.ToMetrics(klWeight, task.Metric == TaskMetric.Accuracy);
        }
        finally
        {
            model.train(wasTraining);
        }
    }

    /// <summary>Adds one batch's sums to <paramref name="progress"/>.</summary>
    public static void Add(EpochProgress progress, LossParts parts, Tensor kl, int items)
    {
        progress.Batches++;
        progress.DataSum += parts.DataSum.to(ScalarType.Float64).item<double>();
        progress.KlSum += kl.to(ScalarType.Float64).item<double>();
        progress.Correct += parts.Correct is { } correct ? correct.to(ScalarType.Int64).item<long>() : 0;
        progress.Items += items;
    }

    /// <summary>The first layer's input and forget gates on <paramref name="split"/> in evaluation mode, or null when the core records none.</summary>
    public static GateSummary? CaptureGates(SequenceModel model, TrainingTask task, Split split, int batchSize)
    {
        var wasTraining = model.training;
        model.eval();
        try
        {
            using var noGrad = no_grad();
            using var probe = new GateProbe(recordValues: true, recordGradients: false);
            var count = task.Count(split);
            for (var start = 0; start < count; start += batchSize)
            {
                using var scope = NewDisposeScope();
                var indices = Enumerable.Range(start, Math.Min(batchSize, count - start)).ToArray();
                model.Forward(task.MakeBatch(split, indices), probe);
                if (probe.Values.TryGetValue(0, out var full) && full.I.Count >= probe.MaxValuesPerLayer)
                {
                    break;
                }
            }

            return probe.Values.TryGetValue(0, out var first)
                ? GateSummary.From(split.ToString().ToLowerInvariant(), first.I, first.F)
                : null;
        }
        finally
        {
            model.train(wasTraining);
        }
    }

    /// <summary>
    /// Mean |dLoss/dz| at the pre-activations of each gate's heads (i, f, o, candidate) on a fixed training batch (the first
    /// <paramref name="batchSize"/> sequences) in training mode, without an optimizer step. Its draws
    /// come from libtorch's generator seeded by <paramref name="probeSeed"/> (an observed layer runs its
    /// cells step by step) and the training generator is restored afterwards, so probing changes nothing
    /// in the run but the count of sequences the layers have begun, which the checkpoints keep.
    /// </summary>
    public static IReadOnlyDictionary<string, double> GateGradients(
        SequenceModel model, TrainingTask task, OptimizerHelper optimizer, int batchSize, double klWeight, long probeSeed)
    {
        using var saved = get_rng_state();
        manual_seed(probeSeed);
        try
        {
            using var scope = NewDisposeScope();
            model.train();
            var indices = Enumerable.Range(0, Math.Min(batchSize, task.Count(Split.Train))).ToArray();
            var batch = task.MakeBatch(Split.Train, indices);
            using var probe = new GateProbe(recordValues: false, recordGradients: true);
            var output = model.Forward(batch, probe);
            var parts = task.Loss(output.Logits, batch);
            var loss = (parts.DataSum + output.Kl * klWeight) / batch.Items;
            optimizer.zero_grad();
            loss.backward();
            var gradients = probe.MeanAbsoluteGradients(model.Core.GateHeads);
            optimizer.zero_grad();
            return gradients;
        }
        finally
        {
            set_rng_state(saved);
        }
    }
}
