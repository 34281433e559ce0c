using GateDsl.Training.Data;
using GateDsl.Training.Tasks;

namespace GateDsl.Training.Tests;

/// <summary>The sentence loader, tokenizer and vocabulary on small generated files and malformed ones.</summary>
public sealed class SentenceLoaderTests
{
    [Fact]
    public void Reads_the_three_files_skips_the_empty_trailer_and_splits_by_the_rule()
    {
        using var folder = new TempDirectory();
        foreach (var name in SentenceLoader.Files)
        {
            var items = Enumerable.Range(0, 10).Select(n => $"{{\"text\": \"{name} sentence {n}\", \"class\": {n % 2}}}");
            folder.Write(Path.Combine("package", "test", "fixtures", name), "[" + string.Join(",\n", items) + ",\n{\"text\": \"\", \"class\": null}]");
        }

        var data = SentenceLoader.Load(folder.Path);

        Assert.Equal((24, 3, 3), (data.Train.Count, data.Valid.Count, data.Test.Count));
        Assert.DoesNotContain(data.Train.Concat(data.Valid).Concat(data.Test), s => s.Text.Length == 0);

        string Text((int Group, int Index) item) => $"{SentenceLoader.Files[item.Group]} sentence {item.Index}";
        Assert.Equal(FixedSplit.Items([10, 10, 10], Split.Valid).Select(Text), data.Valid.Select(s => s.Text));
        Assert.Equal(FixedSplit.Items([10, 10, 10], Split.Test).Select(Text), data.Test.Select(s => s.Text));
    }

    [Theory]
    [InlineData("[{\"text\": \"fine\", \"class\": 1}, {\"text\": \"odd\", \"class\": 2}]", "item 2: \"class\" must be 0 or 1; got 2")]
    [InlineData("[{\"text\": \"fine\", \"class\": 1}, {\"class\": 0}]", "item 2: \"text\" must be a string")]
    [InlineData("[{\"text\": \"fine\", \"class\": 1}, \"loose text\"]", "item 2: expected an object {\"text\": ..., \"class\": 0 or 1}; got a string")]
    [InlineData("{\"text\": \"fine\"}", "top level: expected a list of {\"text\", \"class\"} items; got an object")]
    [InlineData("[{\"text\": \"fine\", \"class\": 1},\n {\"text\": \"x\" \"class\": 0}]", "line 2, byte 15: not valid JSON: '\"' is invalid after a value")]
    public void Malformed_file_names_file_item_and_problem(string json, string expected)
    {
        using var folder = new TempDirectory();
        foreach (var name in SentenceLoader.Files)
        {
            folder.Write(name, name == "yelp.json" ? json : "[{\"text\": \"good\", \"class\": 1}]");
        }

        var error = Assert.Throws<DataFormatException>(() => SentenceLoader.Load(folder.Path));

        Assert.StartsWith($"{Path.Combine(folder.Path, "yelp.json")}: {expected}", error.Message);
    }

    [Fact]
    public void Tokenizer_lowercases_keeps_inner_apostrophes_and_drops_punctuation()
    {
        Assert.Equal(["wow", "loved", "this", "place", "don't", "3d"], Tokenizer.Tokenize("Wow... Loved this place! Don't; 3D"));
    }

    [Fact]
    public void Vocabulary_keeps_words_seen_twice_most_frequent_first_and_maps_the_rest_to_unknown()
    {
        var vocabulary = WordVocabulary.Build([["b", "a", "b"], ["a", "c", "b"]]);

        Assert.Equal(["<pad>", "<unk>", "b", "a"], vocabulary.Words);
        Assert.Equal([2L, 3L, WordVocabulary.Unknown], vocabulary.Encode(["b", "a", "c"]));
        Assert.Equal([(long)WordVocabulary.Unknown], vocabulary.Encode([]));
    }
}
