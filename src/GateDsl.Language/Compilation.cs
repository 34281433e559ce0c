using GateDsl.Language.Binding;
using GateDsl.Language.Diagnostics;
using GateDsl.Language.Imports;
using GateDsl.Language.Model;
using GateDsl.Language.Syntax;
using GateDsl.Language.Text;

namespace GateDsl.Language;

/// <summary>
/// The driver: parses the given files and everything they import (each once), binds them and
/// collects every diagnostic. Never throws on user input: a bug of ours becomes GATE9999.
/// </summary>
public sealed class Compilation
{
    // The syntax tree and the binder recurse along expressions; a left-deep chain of thousands
    // of operators is thousands of frames, so the work runs on a thread with a generous stack.
    private const int StackSize = 256 * 1024 * 1024;

    private Compilation(IReadOnlyList<SyntaxTree> trees, IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<CellSummary> cells, BoundModel model)
    {
        SyntaxTrees = trees;
        Diagnostics = diagnostics;
        Cells = cells;
        Model = model;
    }

    /// <summary>Every parsed file, the given ones first, then imports.</summary>
    public IReadOnlyList<SyntaxTree> SyntaxTrees { get; }

    /// <summary>All diagnostics of all files, sorted by file and position.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>The cells defined in the given files (not in imports), in source order.</summary>
    public IReadOnlyList<CellSummary> Cells { get; }

    /// <summary>The bound model of every file (imports included): the input of lowering.</summary>
    public BoundModel Model { get; }

    /// <summary>Whether any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>Compiles files from disk; their imports resolve next to them, then in the standard library.</summary>
    public static Compilation FromFiles(IEnumerable<string> paths)
    {
        var list = paths.ToList();
        return Run(resolver =>
        {
            foreach (var path in list)
            {
                resolver.AddFile(path);
            }
        });
    }

    /// <summary>Compiles one in-memory text; imports resolve against the current directory, then the standard library.</summary>
    public static Compilation FromText(string text, string path = "<input>") =>
        Run(resolver => resolver.AddText(text, path));

    /// <summary>Runs front-end work on a thread whose stack fits the deepest trees the parser accepts.</summary>
    internal static T RunOnLargeStack<T>(Func<T> work)
    {
        T? result = default;
        var thread = new Thread(() => result = work(), StackSize);
        thread.Start();
        thread.Join();
        return result!;
    }

    private static Compilation Run(Action<ImportResolver> addRoots) => RunOnLargeStack(() => Compile(addRoots));

    private static Compilation Compile(Action<ImportResolver> addRoots)
    {
        var diagnostics = new DiagnosticBag();
        var resolver = new ImportResolver(diagnostics);
        try
        {
            addRoots(resolver);
            resolver.ResolveAll();
            var files = resolver.Files;
            foreach (var file in files)
            {
                diagnostics.AddRange(file.Tree.Diagnostics);
            }

            // Syntax errors first: binding a tree rebuilt by error recovery mostly reports echoes of
            // the syntax error (a missing gate whose statement did not parse, say), so semantic
            // checks wait until every file parses, as in stanc3.
            if (files.Any(f => f.Tree.HasErrors))
            {
                return new Compilation(files.Select(f => f.Tree).ToList(), diagnostics.ToSortedList(), Array.Empty<CellSummary>(), BoundModel.Empty);
            }

            var model = new Binding.Binder(files, diagnostics).Bind();
            var given = new HashSet<SourceText>(files.Where(f => f.IsGiven).Select(f => f.Tree.Source));
            var cells = model.Cells.Where(c => given.Contains(c.Source)).Select(CellDescriber.Describe).ToList();
            return new Compilation(files.Select(f => f.Tree).ToList(), diagnostics.ToSortedList(), cells, model);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A bug of ours, not the user's: say so plainly, with no stack trace.
            var source = resolver.Files.Count > 0 ? resolver.Files[0].Tree.Source : new SourceText(string.Empty, "<input>");
            diagnostics.Report(DiagnosticCatalog.InternalError, source, new TextSpan(0, 0), ex.GetType().Name + ": " + ex.Message);
            return new Compilation(resolver.Files.Select(f => f.Tree).ToList(), diagnostics.ToSortedList(), Array.Empty<CellSummary>(), BoundModel.Empty);
        }
    }
}
