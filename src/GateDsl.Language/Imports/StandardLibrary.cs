using System.Reflection;

namespace GateDsl.Language.Imports;

/// <summary>
/// The .gate files embedded in this assembly as resources named <c>stdlib/&lt;file&gt;</c>, so that
/// <c>import "distributions.gate"</c> works from any directory.
/// </summary>
public static class StandardLibrary
{
    /// <summary>The prefix of every embedded file's key and path.</summary>
    public const string Prefix = "stdlib/";

    /// <summary>The names of the embedded files (e.g. distributions.gate).</summary>
    public static IReadOnlyList<string> FileNames { get; } =
        typeof(StandardLibrary).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..])
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();

    /// <summary>The text of an embedded file by its file name, or null when there is none.</summary>
    public static string? TryRead(string fileName)
    {
        using var stream = typeof(StandardLibrary).Assembly.GetManifestResourceStream(Prefix + fileName);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
