using GateDsl.Language.Syntax;

namespace GateDsl.Language.Imports;

/// <summary>
/// Which embedded standard-library file declares each distribution (Beta, Kumaraswamy, ...), so that a
/// file that uses one without importing it is told which import it lacks. Parsed once, on first use.
/// </summary>
public static class StandardLibraryIndex
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Distributions = new(() =>
        StandardLibrary.FileNames
            .SelectMany(file => SyntaxTree.Parse(StandardLibrary.TryRead(file) ?? string.Empty, StandardLibrary.Prefix + file).Root.Items
                .OfType<DistributionDecl>()
                .Select(d => (Name: d.Name.Text, File: file)))
            .GroupBy(d => d.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().File, StringComparer.Ordinal));

    /// <summary>The standard-library file that declares distribution <paramref name="name"/> (e.g. distributions.gate), or null.</summary>
    public static string? FileDeclaringDistribution(string name) => Distributions.Value.GetValueOrDefault(name);

    /// <summary>
    /// The clause to add to an "unknown distribution/function" message when the name is a standard-library
    /// distribution not imported here: "; Beta is declared in the standard library: add `import "distributions.gate"`"; else null.
    /// </summary>
    public static string? MissingImportClause(string name) =>
        FileDeclaringDistribution(name) is { } file
            ? $"; {name} is a distribution of the standard library: add `import \"{file}\"`"
            : null;
}
