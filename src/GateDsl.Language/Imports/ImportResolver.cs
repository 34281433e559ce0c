using GateDsl.Language.Diagnostics;
using GateDsl.Language.Syntax;
using GateDsl.Language.Text;

namespace GateDsl.Language.Imports;

/// <summary>
/// Loads the given files and everything they import, each file parsed once (keyed by full path, or
/// <c>stdlib/&lt;name&gt;</c> for embedded files). An import resolves relative to the importing
/// file's directory first and then against the embedded standard library, by file name. Cycles are
/// reported at the import statement that closes them.
/// </summary>
internal sealed class ImportResolver
{
    private readonly Dictionary<string, SourceFile> _files = new(StringComparer.Ordinal);
    private readonly List<SourceFile> _order = new();
    private readonly DiagnosticBag _diagnostics;

    public ImportResolver(DiagnosticBag diagnostics) => _diagnostics = diagnostics;

    /// <summary>Every loaded file: given ones in the order given, then imports in discovery order.</summary>
    public IReadOnlyList<SourceFile> Files => _order;

    /// <summary>Adds a file from disk that the user named. An unreadable file becomes a diagnostic on an empty text.</summary>
    public SourceFile AddFile(string path)
    {
        var key = FullPath(path) ?? path;
        if (_files.TryGetValue(key, out var existing))
        {
            existing.IsGiven = true;
            return existing;
        }

        SourceText source;
        try
        {
            source = SourceText.FromFile(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or System.Security.SecurityException)
        {
            source = new SourceText(string.Empty, path);
            _diagnostics.Report(DiagnosticCatalog.FileUnreadable, source, new TextSpan(0, 0), path, ex.Message);
        }

        return Add(key, source, DirectoryOf(key), isGiven: true);
    }

    /// <summary>Adds a text held in memory; its imports resolve against the current directory, then the standard library.</summary>
    public SourceFile AddText(string text, string path)
    {
        var source = new SourceText(text, path);
        var key = path;
        if (_files.ContainsKey(key))
        {
            key = path + "#" + _files.Count;
        }

        return Add(key, source, FullPath(".") ?? Environment.CurrentDirectory, isGiven: true);
    }

    /// <summary>
    /// Adds an embedded standard-library file as a root, as if something imported it (what a lone
    /// distribution call sees without any import). Null when no such file is embedded.
    /// </summary>
    public SourceFile? AddStandardLibrary(string fileName) => Embedded(fileName);

    /// <summary>Resolves every import (transitively), then reports cycles.</summary>
    public void ResolveAll()
    {
        for (var next = 0; next < _order.Count; next++)
        {
            ResolveImportsOf(_order[next]);
        }

        var state = new Dictionary<SourceFile, bool>(); // false: on the stack; true: done
        var stack = new List<SourceFile>();
        foreach (var file in _order.ToList())
        {
            FindCycles(file, state, stack);
        }
    }

    private SourceFile Add(string key, SourceText source, string? directory, bool isGiven, bool isStandardLibrary = false)
    {
        var file = new SourceFile(key, SyntaxTree.Parse(source), directory, isGiven, isStandardLibrary);
        _files[key] = file;
        _order.Add(file);
        return file;
    }

    private void ResolveImportsOf(SourceFile file)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var import in file.Tree.Root.Items.OfType<ImportItem>())
        {
            if (import.Path.Length == 0 && import.PathSpan == import.Span)
            {
                continue; // the string was missing: the parser reported it
            }

            var target = Resolve(file, import);
            if (target is null)
            {
                continue;
            }

            if (!seen.Add(target.Key))
            {
                _diagnostics.Report(DiagnosticCatalog.DuplicateImport, file.Tree.Source, import.PathSpan, import.Path);
                continue;
            }

            file.Imports.Add(new ImportEdge(import, target));
        }
    }

    private SourceFile? Resolve(SourceFile importer, ImportItem import)
    {
        var source = importer.Tree.Source;
        string? looked = null;
        if (importer.Directory is { } directory)
        {
            string? candidate = null;
            try
            {
                candidate = Path.GetFullPath(Path.Combine(directory, import.Path));
            }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
            {
                _diagnostics.Report(DiagnosticCatalog.ImportUnreadable, source, import.PathSpan, import.Path, ex.Message);
                return null;
            }

            looked = DisplayPath(directory); // relative when possible, so messages do not depend on the machine
            if (_files.TryGetValue(candidate, out var known))
            {
                return known;
            }

            if (File.Exists(candidate))
            {
                try
                {
                    var text = File.ReadAllText(candidate);
                    return Add(candidate, new SourceText(text, DisplayPath(candidate)), DirectoryOf(candidate), isGiven: false);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
                {
                    _diagnostics.Report(DiagnosticCatalog.ImportUnreadable, source, import.PathSpan, import.Path, ex.Message);
                    return null;
                }
            }

            if (Directory.Exists(candidate))
            {
                _diagnostics.Report(DiagnosticCatalog.ImportUnreadable, source, import.PathSpan, import.Path, "it is a folder, not a .gate file");
                return null;
            }
        }

        var name = SafeFileName(import.Path);
        if (name.Length > 0 && Embedded(name) is { } embedded)
        {
            return embedded;
        }

        var where = looked is null ? "the standard library" : $"{looked} and the standard library";
        _diagnostics.Report(DiagnosticCatalog.ImportNotFound, source, import.PathSpan, import.Path, where);
        return null;
    }

    /// <summary>The embedded file of that name, loaded once; null when there is none.</summary>
    private SourceFile? Embedded(string fileName)
    {
        var key = StandardLibrary.Prefix + fileName;
        if (_files.TryGetValue(key, out var known))
        {
            return known;
        }

        return StandardLibrary.TryRead(fileName) is { } text
            ? Add(key, new SourceText(text, key), directory: null, isGiven: false, isStandardLibrary: true)
            : null;
    }

    private void FindCycles(SourceFile file, Dictionary<SourceFile, bool> state, List<SourceFile> stack)
    {
        if (state.ContainsKey(file))
        {
            return;
        }

        state[file] = false;
        stack.Add(file);
        foreach (var edge in file.Imports)
        {
            if (state.TryGetValue(edge.Target, out var done))
            {
                if (!done)
                {
                    var start = stack.IndexOf(edge.Target);
                    var cycle = stack.Skip(start).Append(edge.Target).Select(f => f.DisplayName);
                    _diagnostics.Report(DiagnosticCatalog.ImportCycle, file.Tree.Source, edge.Syntax.PathSpan, string.Join(" -> ", cycle));
                }

                continue;
            }

            FindCycles(edge.Target, state, stack);
        }

        stack.RemoveAt(stack.Count - 1);
        state[file] = true;
    }

    private static string SafeFileName(string path)
    {
        try
        {
            return Path.GetFileName(path);
        }
        catch (ArgumentException)
        {
            return string.Empty;
        }
    }

    private static string? FullPath(string path)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException or System.Security.SecurityException)
        {
            return null;
        }
    }

    private static string? DirectoryOf(string fullPath)
    {
        try
        {
            return Path.GetDirectoryName(fullPath);
        }
        catch (Exception ex) when (ex is ArgumentException or PathTooLongException)
        {
            return null;
        }
    }

    /// <summary>Imported files (and searched folders) print relative to the current directory when they lie under it, as the CLI's given paths do.</summary>
    private static string DisplayPath(string fullPath)
    {
        try
        {
            var relative = Path.GetRelativePath(Environment.CurrentDirectory, fullPath);
            return relative.StartsWith("..", StringComparison.Ordinal) ? fullPath : relative;
        }
        catch (Exception ex) when (ex is ArgumentException or PathTooLongException)
        {
            return fullPath;
        }
    }
}
