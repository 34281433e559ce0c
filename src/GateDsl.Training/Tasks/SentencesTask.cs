using GateDsl.Training.Data;
using static TorchSharp.torch;

namespace GateDsl.Training.Tasks;

/// <summary>
/// Sentence classification (positive or negative) on the labelled sentences of npm sentiment@5.0.2:
/// <see cref="Tokenizer"/> words, <see cref="WordVocabulary"/> ids from the training part, a learned
/// embedding of <see cref="EmbeddingSize"/>, class logits from the last word; the metric is accuracy.
/// </summary>
internal sealed class SentencesTask : TrainingTask
{
    /// <summary>Size of the learned word embedding: the recurrent core's input size.</summary>
    public const int EmbeddingSize = 64;

    private readonly SentenceDataset data;
    private readonly Dictionary<Split, long[][]> encoded = new();
    private readonly Dictionary<Split, int[]> labels = new();

    /// <summary>The task over <paramref name="data"/>; the vocabulary is built from its training part unless given (a checkpoint's).</summary>
    public SentencesTask(SentenceDataset data, IReadOnlyList<string>? vocabulary = null)
    {
        this.data = data;
        Words = vocabulary is null
            ? WordVocabulary.Build(data.Train.Select(s => Tokenizer.Tokenize(s.Text)))
            : new WordVocabulary(vocabulary);
        foreach (var split in Enum.GetValues<Split>())
        {
            encoded[split] = data[split].Select(s => Words.Encode(Tokenizer.Tokenize(s.Text))).ToArray();
            labels[split] = data[split].Select(s => s.Label).ToArray();
        }
    }

    /// <summary>The vocabulary.</summary>
    public WordVocabulary Words { get; }

    public override string Name => "sentences";

    public override TaskMetric Metric => TaskMetric.Accuracy;

    public override int InputSize => EmbeddingSize;

    public override int OutputSize => 2;

    public override int? VocabularySize => Words.Count;

    public override IReadOnlyList<string> Vocabulary => Words.Words;

    public override TaskDefaults Defaults { get; } = new(HiddenSize: 128, Layers: 1, Dropout: 0, BatchSize: 32, Epochs: 10);

    public override string DataDescription =>
        $"{data.Source}: {data.Train.Count} / {data.Valid.Count} / {data.Test.Count} sentences (fixed split, docs/training.md), vocabulary {Words.Count} ids";

    public override int Count(Split split) => encoded[split].Length;

    public override Batch MakeBatch(Split split, IReadOnlyList<int> indices)
    {
        var b = indices.Count;
        var lengths = indices.Select(i => (long)encoded[split][i].Length).ToArray();
        var steps = lengths.Max();
        var tokens = new long[steps * b];
        var classes = new long[b];
        for (var n = 0; n < b; n++)
        {
            var ids = encoded[split][indices[n]];
            for (var t = 0; t < ids.Length; t++)
            {
                tokens[t * b + n] = ids[t];
            }

            classes[n] = labels[split][indices[n]];
        }

        return new Batch
        {
            Tokens = tensor(tokens, new[] { steps, (long)b }),
            StepMask = MaskFromLengths(lengths, steps),
            Lengths = lengths,
            Targets = tensor(classes),
            Items = b,
        };
    }

    public override LossParts Loss(Tensor logits, Batch batch) => ClassificationLoss.Of(LastStep(logits, batch), batch.Targets);
}
