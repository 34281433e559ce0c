using GateDsl.Training.Data;
using static TorchSharp.torch;

namespace GateDsl.Training.Tasks;

/// <summary>
/// Polyphonic music: the model reads frames 0..t of a piano roll and predicts frame t+1, 88 Bernoulli
/// notes. The data loss is the Bernoulli negative log-likelihood summed over the 88 notes; an item is
/// a predicted frame (Steps - 1 per piece), so the reported metric is nats per predicted frame, as in
/// Bai, Kolter and Koltun (2018) and the Bivariate Beta-LSTM code. Pieces of a batch are padded at the
/// end and the padding is masked out of the loss, so it changes nothing.
/// </summary>
internal sealed class MusicTask : TrainingTask
{
    private readonly MusicDataset data;

    public MusicTask(MusicDataset data) => this.data = data;

    public override string Name => "music";

    public override TaskMetric Metric => TaskMetric.FrameNll;

    public override int InputSize => PianoRoll.Keys;

    public override int OutputSize => PianoRoll.Keys;

    /// <summary>The paper's music settings (2 layers, LSTM hidden 200, locked dropout 0.1), batches of 8 pieces, 100 epochs.</summary>
    public override TaskDefaults Defaults { get; } = new(HiddenSize: 200, Layers: 2, Dropout: 0.1, BatchSize: 8, Epochs: 100);

    public override string DataDescription =>
        $"{data.Source}: {data.Train.Count} / {data.Valid.Count} / {data.Test.Count} pieces " +
        $"({PredictedFrames(Split.Train)} / {PredictedFrames(Split.Valid)} / {PredictedFrames(Split.Test)} predicted frames)";

    /// <summary>Frames predicted in a part: the sum of Steps - 1 over its pieces.</summary>
    public int PredictedFrames(Split split) => data[split].Sum(p => p.PredictedFrames);

    public override int Count(Split split) => data[split].Count;

    public override Batch MakeBatch(Split split, IReadOnlyList<int> indices)
    {
        var pieces = indices.Select(i => data[split][i]).ToArray();
        var b = pieces.Length;
        var steps = pieces.Max(p => p.PredictedFrames);
        var inputs = new float[steps * b * PianoRoll.Keys];
        var targets = new float[steps * b * PianoRoll.Keys];
        var lengths = new long[b];
        for (var n = 0; n < b; n++)
        {
            var piece = pieces[n];
            lengths[n] = piece.PredictedFrames;
            for (var t = 0; t < piece.PredictedFrames; t++)
            {
                Array.Copy(piece.Notes, t * PianoRoll.Keys, inputs, (t * b + n) * PianoRoll.Keys, PianoRoll.Keys);
                Array.Copy(piece.Notes, (t + 1) * PianoRoll.Keys, targets, (t * b + n) * PianoRoll.Keys, PianoRoll.Keys);
            }
        }

        var mask = MaskFromLengths(lengths, steps);
        return new Batch
        {
            Input = tensor(inputs, new long[] { steps, b, PianoRoll.Keys }),
            StepMask = mask,
            Lengths = lengths,
            Targets = tensor(targets, new long[] { steps, b, PianoRoll.Keys }),
            TargetMask = mask,
            Items = (int)lengths.Sum(),
        };
    }

    public override LossParts Loss(Tensor logits, Batch batch)
    {
        var perNote = nn.functional.binary_cross_entropy_with_logits(logits, batch.Targets, reduction: nn.Reduction.None);
        var perFrame = perNote.sum(2);
        var masked = perFrame.masked_fill(batch.TargetMask!.logical_not(), 0.0);
        return new LossParts(masked.sum(), null);
    }
}
