using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace GateDsl.Cli.Json;

/// <summary>Source-generated serializers for every JSON shape gatec prints (camelCase keys, declaration order).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(CheckReport))]
[JsonSerializable(typeof(DescribeReport))]
[JsonSerializable(typeof(IrReport))]
internal sealed partial class GatecJsonContext : JsonSerializerContext
{
    /// <summary>Keeps quotes and apostrophes in messages readable ('x' rather than \u0027x\u0027).</summary>
    private static readonly GatecJsonContext Relaxed = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>One line of compact JSON.</summary>
    public static string Serialize(CheckReport report) => JsonSerializer.Serialize(report, Relaxed.CheckReport);

    /// <summary>One line of compact JSON.</summary>
    public static string Serialize(DescribeReport report) => JsonSerializer.Serialize(report, Relaxed.DescribeReport);

    /// <summary>One line of compact JSON.</summary>
    public static string Serialize(IrReport report) => JsonSerializer.Serialize(report, Relaxed.IrReport);
}
