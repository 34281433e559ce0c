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
}
