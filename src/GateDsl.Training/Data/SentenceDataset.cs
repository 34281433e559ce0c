namespace GateDsl.Training.Data;

/// <summary>
/// The labelled sentences of npm <c>sentiment@5.0.2</c> (UCI Sentiment Labelled Sentences: imdb, yelp,
/// amazon, 1,000 each) split 2,400 / 300 / 300 by <see cref="FixedSplit"/>.
/// </summary>
/// <param name="Source">The folder the files were read from.</param>
/// <param name="Train">Training sentences.</param>
/// <param name="Valid">Validation sentences.</param>
/// <param name="Test">Test sentences.</param>
public sealed record SentenceDataset(string Source, IReadOnlyList<LabelledSentence> Train, IReadOnlyList<LabelledSentence> Valid, IReadOnlyList<LabelledSentence> Test)
{
    /// <summary>The sentences of one part.</summary>
    public IReadOnlyList<LabelledSentence> this[Split split] => split switch
    {
        Split.Train => Train,
        Split.Valid => Valid,
        _ => Test,
    };
}
