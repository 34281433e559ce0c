using GateDsl.Language.Imports;

namespace GateDsl.Language.Binding;

/// <summary>
/// The top-level names visible in one file: its own items, then those of every file it imports,
/// transitively (a file sees what its imports see, so `import "cells.gate"` also brings Beta).
/// </summary>
internal sealed class FileScope
{
    public FileScope(SourceFile file, IReadOnlyDictionary<string, List<TopLevelDecl>> visible)
    {
        File = file;
        Visible = visible;
    }

    public SourceFile File { get; }

    /// <summary>Each name's declarations, the file's own first, then imports in discovery order.</summary>
    public IReadOnlyDictionary<string, List<TopLevelDecl>> Visible { get; }

    public TopLevelDecl? Lookup(string name) =>
        Visible.TryGetValue(name, out var decls) && decls.Count > 0 ? decls[0] : null;
}
