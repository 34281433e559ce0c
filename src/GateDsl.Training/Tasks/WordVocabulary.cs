namespace GateDsl.Training.Tasks;

/// <summary>
/// Word ids for the learned embedding: 0 is padding, 1 stands for every word outside the vocabulary,
/// then the words seen at least <see cref="MinimumCount"/> times in the training part, most frequent
/// first (ties in ordinal order), so the ids depend only on the training text.
/// </summary>
internal sealed class WordVocabulary
{
    /// <summary>Padding id.</summary>
    public const int Padding = 0;

    /// <summary>Id of words outside the vocabulary.</summary>
    public const int Unknown = 1;

    /// <summary>A training word needs this many occurrences to get its own id.</summary>
    public const int MinimumCount = 2;

    private readonly Dictionary<string, int> ids;

    /// <summary>A vocabulary with the given words by id (ids 0 and 1 are the padding and unknown markers).</summary>
    public WordVocabulary(IReadOnlyList<string> words)
    {
        Words = words;
        ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 2; i < words.Count; i++)
        {
            ids[words[i]] = i;
        }
    }

    /// <summary>The words by id: "&lt;pad&gt;", "&lt;unk&gt;", then the vocabulary.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>V, the number of ids.</summary>
    public int Count => Words.Count;

    /// <summary>The vocabulary of a training text.</summary>
    public static WordVocabulary Build(IEnumerable<IReadOnlyList<string>> trainingSentences)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var token in trainingSentences.SelectMany(s => s))
        {
            counts[token] = counts.GetValueOrDefault(token) + 1;
        }

        var words = counts.Where(p => p.Value >= MinimumCount)
            .OrderByDescending(p => p.Value)
            .ThenBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => p.Key);
        return new WordVocabulary(["<pad>", "<unk>", .. words]);
    }

    /// <summary>The ids of a tokenized sentence; an empty sentence becomes one unknown word so every sequence has a step.</summary>
    public long[] Encode(IReadOnlyList<string> tokens)
    {
        if (tokens.Count == 0)
        {
            return [Unknown];
        }

        return tokens.Select(t => (long)ids.GetValueOrDefault(t, Unknown)).ToArray();
    }
}
