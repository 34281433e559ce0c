using GateDsl.Language.Diagnostics;
using GateDsl.Language.Model;
using GateDsl.Language.Syntax;

namespace GateDsl.Language;

/// <summary>
/// The driver: parses the given files and everything they import, binds them and collects every
/// diagnostic. Never throws on user input.
/// </summary>
public sealed class Compilation
{
    private Compilation(IReadOnlyList<SyntaxTree> trees, IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<CellSummary> cells)
    {
        SyntaxTrees = trees;
        Diagnostics = diagnostics;
        Cells = cells;
    }

    /// <summary>Every parsed file, the given ones first, then imports.</summary>
    public IReadOnlyList<SyntaxTree> SyntaxTrees { get; }

    /// <summary>All diagnostics of all files, sorted by file and position.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>The cells defined in the given files (not in imports), in source order.</summary>
    public IReadOnlyList<CellSummary> Cells { get; }

    /// <summary>Whether any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>Compiles files from disk.</summary>
    public static Compilation FromFiles(IEnumerable<string> paths)
    {
        // Placeholder until the binder lands: parse only.
        var trees = paths.Select(p => SyntaxTree.Parse(Text.SourceText.FromFile(p))).ToList();
        return new Compilation(trees, trees.SelectMany(t => t.Diagnostics).ToList(), Array.Empty<CellSummary>());
    }

    /// <summary>Compiles one in-memory text (imports resolve against the standard library).</summary>
    public static Compilation FromText(string text, string path = "<input>")
    {
        var tree = SyntaxTree.Parse(text, path);
        return new Compilation(new[] { tree }, tree.Diagnostics, Array.Empty<CellSummary>());
    }
}
