using System.Globalization;
using System.Text.Json;

namespace GateDsl.Training.Data;

/// <summary>
/// Reads polyphonic music in the JSON layout of <c>jsb-chorales-quarter.json</c> (Boulanger-Lewandowski
/// et al. 2012; github.com/czhuang/JSB-Chorales-dataset): an object with lists <c>train</c>,
/// <c>valid</c> and <c>test</c>; each a list of pieces; each piece a list of time steps; each step a
/// list of the MIDI pitches sounding (possibly empty). Pitches must be whole numbers in 21..108 (the
/// 88 piano keys). A piece needs at least 2 steps (one frame to predict). Every problem is a
/// <see cref="DataFormatException"/> naming the file, the part, piece and step (1-based), or the line
/// and byte of a JSON syntax error.
/// </summary>
public static class MusicLoader
{
    private static readonly string[] Parts = ["train", "valid", "test"];

    /// <summary>Reads and checks the file.</summary>
    /// <exception cref="DataFormatException">The file is not valid JSON or breaks the layout.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static MusicDataset Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var bytes = File.ReadAllBytes(path);
        return Parse(bytes, path);
    }

    /// <summary>Checks and converts JSON text already in memory; <paramref name="file"/> names it in errors.</summary>
    public static MusicDataset Parse(ReadOnlyMemory<byte> json, string file)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException e)
        {
            throw JsonPositions.Invalid(file, e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new DataFormatException(file, "top level", $"expected an object with lists train, valid and test; got {JsonPositions.Kind(root.ValueKind)}");
            }

            var parts = new List<PianoRoll>[3];
            for (var p = 0; p < Parts.Length; p++)
            {
                if (!root.TryGetProperty(Parts[p], out var part))
                {
                    throw new DataFormatException(file, "top level", $"the '{Parts[p]}' list is missing (expected an object with lists train, valid and test)");
                }

                parts[p] = ReadPart(file, Parts[p], part);
            }

            return new MusicDataset(file, parts[0], parts[1], parts[2]);
        }
    }

    private static List<PianoRoll> ReadPart(string file, string name, JsonElement part)
    {
        if (part.ValueKind != JsonValueKind.Array)
        {
            throw new DataFormatException(file, name, $"expected a list of pieces; got {JsonPositions.Kind(part.ValueKind)}");
        }

        var pieces = new List<PianoRoll>();
        var pieceNumber = 0;
        foreach (var piece in part.EnumerateArray())
        {
            pieceNumber++;
            pieces.Add(ReadPiece(file, $"{name} piece {pieceNumber}", piece));
        }

        if (pieces.Count == 0)
        {
            throw new DataFormatException(file, name, "the list has no pieces");
        }

        return pieces;
    }

    private static PianoRoll ReadPiece(string file, string where, JsonElement piece)
    {
        if (piece.ValueKind != JsonValueKind.Array)
        {
            throw new DataFormatException(file, where, $"expected a list of time steps; got {JsonPositions.Kind(piece.ValueKind)}");
        }

        var steps = piece.GetArrayLength();
        if (steps < 2)
        {
            throw new DataFormatException(file, where, $"a piece needs at least 2 time steps so that one frame can be predicted; it has {steps}");
        }

        var notes = new float[steps * PianoRoll.Keys];
        var stepNumber = 0;
        foreach (var step in piece.EnumerateArray())
        {
            stepNumber++;
            var at = $"{where}, step {stepNumber}";
            if (step.ValueKind != JsonValueKind.Array)
            {
                throw new DataFormatException(file, at, $"expected a list of MIDI pitches; got {JsonPositions.Kind(step.ValueKind)}");
            }

            foreach (var pitch in step.EnumerateArray())
            {
                var midi = Pitch(file, at, pitch);
                notes[(stepNumber - 1) * PianoRoll.Keys + midi - PianoRoll.LowestPitch] = 1;
            }
        }

        return new PianoRoll(steps, notes);
    }

    private static int Pitch(string file, string at, JsonElement pitch)
    {
        if (pitch.ValueKind != JsonValueKind.Number)
        {
            throw new DataFormatException(file, at, $"a pitch must be a MIDI number; got {JsonPositions.Kind(pitch.ValueKind)}");
        }

        var value = pitch.GetDouble();
        if (value != Math.Floor(value))
        {
            throw new DataFormatException(file, at, $"pitch {value.ToString(CultureInfo.InvariantCulture)} is not a whole MIDI number");
        }

        if (value < PianoRoll.LowestPitch || value > PianoRoll.HighestPitch)
        {
            throw new DataFormatException(
                file,
                at,
                $"pitch {value.ToString(CultureInfo.InvariantCulture)} is outside the piano range {PianoRoll.LowestPitch}..{PianoRoll.HighestPitch} (MIDI)");
        }

        return (int)value;
    }
}
