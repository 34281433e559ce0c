using GateDsl.Language.Syntax;

namespace GateDsl.Language.Imports;

/// <summary>One parsed file of a compilation and the files its imports resolved to.</summary>
internal sealed class SourceFile
{
    public SourceFile(string key, SyntaxTree tree, string? directory, bool isGiven, bool isStandardLibrary = false)
    {
        Key = key;
        Tree = tree;
        Directory = directory;
        IsGiven = isGiven;
        IsStandardLibrary = isStandardLibrary;
    }

    /// <summary>The full path on disk, or <c>stdlib/&lt;name&gt;</c> for an embedded file.</summary>
    public string Key { get; }

    public SyntaxTree Tree { get; }

    /// <summary>Where relative imports are looked up first; null for embedded files.</summary>
    public string? Directory { get; }

    /// <summary>Whether the file was given to the compilation (rather than reached by an import).</summary>
    public bool IsGiven { get; set; }

    /// <summary>Whether it is a file embedded in the language (the standard library), not one from disk.</summary>
    public bool IsStandardLibrary { get; }

    /// <summary>Resolved imports in source order, one per distinct target.</summary>
    public List<ImportEdge> Imports { get; } = new();

    /// <summary>The name cycles are reported with (a.gate -> b.gate -> a.gate).</summary>
    public string DisplayName => Path.GetFileName(Key);
}
