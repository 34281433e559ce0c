using System.Text.Json;

namespace GateDsl.Cli.Bench;

/// <summary>How <c>gatec bench --json</c> writes its report: camelCase, one line.</summary>
internal static class BenchJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };
}
