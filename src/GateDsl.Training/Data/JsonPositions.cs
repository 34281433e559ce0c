using System.Text.Json;

namespace GateDsl.Training.Data;

/// <summary>Turns a <see cref="JsonException"/> into the position and problem of a <see cref="DataFormatException"/>.</summary>
internal static class JsonPositions
{
    /// <summary>A data error for a file that is not valid JSON: "line L, byte B" (both 1-based) and the parser's complaint.</summary>
    public static DataFormatException Invalid(string file, JsonException error)
    {
        var position = error.LineNumber is { } line
            ? $"line {line + 1}, byte {(error.BytePositionInLine ?? 0) + 1}"
            : string.Empty;
        var message = error.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        }

        var problem = (cut > 0 ? message[..cut] : message).Trim().TrimEnd('.');
        return new DataFormatException(file, position, $"not valid JSON: {problem}");
    }

    /// <summary>The JSON kind as people say it: "a string", "a number", "an array", ...</summary>
    public static string Kind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true/false",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    /// <summary>
    /// What a reader's token starts, in the words of <see cref="Kind(JsonValueKind)"/> (so the DOM and the
    /// streaming readers say the same); "the end of the file" when nothing is left to read.
    /// </summary>
    public static string Kind(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => Kind(JsonValueKind.Object),
        JsonTokenType.StartArray => Kind(JsonValueKind.Array),
        JsonTokenType.String => Kind(JsonValueKind.String),
        JsonTokenType.Number => Kind(JsonValueKind.Number),
        JsonTokenType.True => Kind(JsonValueKind.True),
        JsonTokenType.False => Kind(JsonValueKind.False),
        JsonTokenType.Null => Kind(JsonValueKind.Null),
        JsonTokenType.None => "the end of the file",
        _ => token.ToString(),
    };
}
