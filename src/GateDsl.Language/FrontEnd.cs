using System.Collections.Immutable;
using GateDsl.Language.Binding;
using GateDsl.Language.Diagnostics;
using GateDsl.Language.Imports;
using GateDsl.Language.Syntax;
using GateDsl.Language.Text;

namespace GateDsl.Language;

/// <summary>
/// The first stages of the compiler: parse the given files and everything they import (each once),
/// then bind them. The driver is <c>GateDsl.Compiler.Compilation</c>, which chains these stages with
/// lowering; nothing else calls them. Reports into the caller's bag and never throws on user
/// input: a bug of ours becomes GATE9999 on the first file.
/// </summary>
internal static class FrontEnd
{
    // The syntax tree and the binder recurse along expressions; a left-deep chain of thousands
    // of operators is thousands of frames, so the work runs on a thread with a generous stack.
    private const int StackSize = 256 * 1024 * 1024;

    /// <summary>Runs recursive compiler work on a thread whose stack fits the deepest trees the parser accepts.</summary>
    public static T RunOnLargeStack<T>(Func<T> work)
    {
        T? result = default;
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = work();
                }
                catch (Exception ex)
                {
                    failure = ex;
                }
            },
            StackSize);
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }

        return result!;
    }

    /// <summary>Parses and binds files from disk; imports resolve next to them, then in the standard library.</summary>
    public static FrontEndResult FromFiles(IReadOnlyList<string> paths, DiagnosticBag diagnostics) =>
        Run(resolver =>
        {
            foreach (var path in paths)
            {
                resolver.AddFile(path);
            }
        }, diagnostics);

    /// <summary>Parses and binds one in-memory text; imports resolve against the current directory, then the standard library.</summary>
    public static FrontEndResult FromText(string text, string path, DiagnosticBag diagnostics) =>
        Run(resolver => resolver.AddText(text, path), diagnostics);

    private static FrontEndResult Run(Action<ImportResolver> addRoots, DiagnosticBag diagnostics)
    {
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
                return Result(files, BoundModel.Empty, isBound: false);
            }

            var model = new Binding.Binder(files, diagnostics).Bind();
            return Result(files, model, isBound: true);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var source = resolver.Files.Count > 0 ? resolver.Files[0].Tree.Source : new SourceText(string.Empty, "<input>");
            ReportInternalError(diagnostics, source, ex);
            return Result(resolver.Files, BoundModel.Empty, isBound: false);
        }
    }

    /// <summary>
    /// Parses one distribution call (grammar rule <c>callInput</c>) and binds it like the right side
    /// of a draw whose arguments must be constants, in the scope of a file that imports the standard
    /// library's <see cref="StandaloneCallResult.StandardLibraryFile"/> and <paramref name="importPaths"/>.
    /// Diagnostics about the expression itself point into it (path <see cref="StandaloneCallResult.ExpressionPath"/>).
    /// </summary>
    public static StandaloneCallResult ForCall(string expression, IReadOnlyList<string> importPaths, DiagnosticBag diagnostics)
    {
        var source = new SourceText(expression, StandaloneCallResult.ExpressionPath);
        var resolver = new ImportResolver(diagnostics);
        try
        {
            var (tree, call) = SyntaxTree.ParseCall(source);
            diagnostics.AddRange(tree.Diagnostics);

            var roots = new List<SourceFile>();
            if (resolver.AddStandardLibrary(StandaloneCallResult.StandardLibraryFile) is { } stdlib)
            {
                roots.Add(stdlib);
            }

            roots.AddRange(importPaths.Select(resolver.AddFile));
            resolver.ResolveAll();
            foreach (var file in resolver.Files)
            {
                diagnostics.AddRange(file.Tree.Diagnostics);
            }

            var trees = resolver.Files.Select(f => f.Tree).Prepend(tree).ToList();

            // As for files: binding a tree rebuilt by error recovery mostly reports echoes.
            if (call is null || tree.HasErrors || resolver.Files.Any(f => f.Tree.HasErrors))
            {
                return StandaloneCallResult.Failed(source, trees, BoundModel.Empty);
            }

            // The expression becomes a file of the compilation with no items that imports the roots:
            // the binder then builds its scope (and reports clashing names) as for any spec file.
            var expressionFile = new SourceFile(StandaloneCallResult.ExpressionPath, tree, directory: null, isGiven: true);
            foreach (var root in roots.Distinct())
            {
                var nowhere = new TextSpan(0, 0);
                expressionFile.Imports.Add(new ImportEdge(new ImportItem(root.Key, nowhere, nowhere), root));
            }

            var files = resolver.Files.Prepend(expressionFile).ToList();
            var (model, bound) = new Binding.Binder(files, diagnostics).BindStandaloneCall(call, expressionFile);
            if (diagnostics.HasErrors || bound.Distribution is not { } definition)
            {
                return StandaloneCallResult.Failed(source, trees, model);
            }

            var arguments = FoldArguments(bound, source, diagnostics);
            if (arguments is null)
            {
                return StandaloneCallResult.Failed(source, trees, model);
            }

            var standard = StandardSources(resolver.Files);
            var isStandard = definition is PrimitiveDistribution
                || (definition is BoundDistribution user && standard.Contains(user.Source));
            return new StandaloneCallResult(source, trees, model, standard, bound, arguments.Value, isStandard);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            ReportInternalError(diagnostics, source, ex);
            return StandaloneCallResult.Failed(source, new[] { SyntaxTree.Parse(string.Empty, StandaloneCallResult.ExpressionPath) }, BoundModel.Empty);
        }
    }

    /// <summary>A bug of ours, not the user's: said plainly, with no stack trace.</summary>
    public static void ReportInternalError(DiagnosticBag diagnostics, SourceText source, Exception ex) =>
        diagnostics.Report(DiagnosticCatalog.InternalError, source, new TextSpan(0, 0), ex.GetType().Name + ": " + ex.Message);

    /// <summary>One value per parameter: each folded argument, defaults filled in by the binder.</summary>
    private static ImmutableArray<double>? FoldArguments(BoundDistributionCall call, SourceText source, DiagnosticBag diagnostics)
    {
        var values = ImmutableArray.CreateBuilder<double>(call.ArgumentsWithDefaults.Length);
        var ok = true;
        foreach (var argument in call.ArgumentsWithDefaults)
        {
            var value = BoundExprWalker.Fold(argument);
            if (value is null)
            {
                // The binder accepted a constant whose value overflows (10 ^ 400): say so here.
                diagnostics.Report(DiagnosticCatalog.NumberOutOfRange, source, argument.Span, source.ToString(argument.Span));
            }

            ok &= value is not null;
            values.Add(value ?? double.NaN);
        }

        return ok ? values.MoveToImmutable() : null;
    }

    private static FrontEndResult Result(IReadOnlyList<SourceFile> files, BoundModel model, bool isBound) =>
        new(
            files.Select(f => f.Tree).ToList(),
            model,
            files.Where(f => f.IsGiven).Select(f => f.Tree.Source).ToImmutableHashSet<SourceText>(ReferenceEqualityComparer.Instance),
            StandardSources(files),
            isBound);

    /// <summary>
    /// The standard library's files: the embedded ones, and copies on disk with the same text (the
    /// repository's stdlib/ folder, which a file next to it imports before the embedded copy), so
    /// that their declarations are the registered laws wherever they are read from.
    /// </summary>
    private static ImmutableHashSet<SourceText> StandardSources(IEnumerable<SourceFile> files) =>
        files.Where(f => f.IsStandardLibrary || IsCopyOfStandardLibrary(f.Tree.Source))
            .Select(f => f.Tree.Source)
            .ToImmutableHashSet<SourceText>(ReferenceEqualityComparer.Instance);

    private static bool IsCopyOfStandardLibrary(SourceText source) =>
        StandardLibrary.TryRead(Path.GetFileName(source.Path)) is { } embedded
        && Normalize(embedded) == Normalize(source.Text);

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
