using System.Text.Json;
using System.Text.Json.Serialization;

namespace GateDsl.Training.Runs;

/// <summary>How metrics.json, compare.json and checkpoint metadata are written: camelCase, indented, enums as strings.</summary>
public static class MetricsJson
{
    /// <summary>The serializer options.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = null,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>Writes <paramref name="value"/> to <paramref name="path"/> (through a temporary file, so a reader never sees half a file).</summary>
    public static void Write<T>(string path, T value)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(value, Options) + "\n");
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads metrics.json.</summary>
    public static RunMetrics ReadRun(string path) =>
        JsonSerializer.Deserialize<RunMetrics>(File.ReadAllText(path), Options) ?? throw new JsonException($"{path} is empty");
}
