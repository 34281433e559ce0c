using System.Collections.Immutable;
using GateDsl.Language.Binding;
using GateDsl.Language.Diagnostics;
using GateDsl.Language.Imports;
using GateDsl.Language.Syntax;
using GateDsl.Language.Text;

namespace GateDsl.Language;

/// <summary>
/// One distribution call written in the language on its own, such as <c>BivariateBeta(2, 3, 1.5)</c>
/// or <c>Dirichlet3(1, 2, 3)</c>, bound against the standard library's <c>distributions.gate</c>
/// and optional import files: the front of <c>gatec sample</c>.
/// <para>
/// The call is parsed with the language's own grammar (rule <c>callInput</c>) and bound by the
/// binder in the scope of a file that imports the standard library and the given files, so it gets
/// exactly the checks a <c>draw x ~ ...</c> gets (unknown names with a suggestion, arity, argument
/// supports), plus one more: every argument must be a constant (literals, arithmetic and link
/// functions of them, or constants of the imported files). Diagnostics point into the expression
/// itself (path <see cref="ExpressionPath"/>, columns counted from its first character) or into
/// the import files. Never throws on user input; a bug of ours becomes GATE9999.
/// </para>
/// </summary>
public sealed class DistributionCallCompilation
{
    /// <summary>The path diagnostics about the expression itself print.</summary>
    public const string ExpressionPath = "<expr>";

    /// <summary>The standard-library file every call sees without an import.</summary>
    public const string StandardLibraryFile = "distributions.gate";

    private DistributionCallCompilation(SourceText source, IReadOnlyList<Diagnostic> diagnostics, BoundModel model, BoundDistributionCall? call, ImmutableArray<double> arguments, bool isStandardLibrary)
    {
        Source = source;
        Diagnostics = diagnostics;
        Model = model;
        Call = call;
        Arguments = arguments;
        IsStandardLibrary = isStandardLibrary;
    }

    /// <summary>The expression as given, with path <see cref="ExpressionPath"/>.</summary>
    public SourceText Source { get; }

    /// <summary>Every diagnostic of the expression and of the files it reaches, sorted by file and position.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Whether any diagnostic is an error; then <see cref="Call"/> is null and nothing may be sampled.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>The bound model of the standard library and the import files (their cells and distributions).</summary>
    public BoundModel Model { get; }

    /// <summary>The bound call; null when there are errors.</summary>
    public BoundDistributionCall? Call { get; }

    /// <summary>
    /// The callee: a <see cref="PrimitiveDistribution"/> or a <see cref="BoundDistribution"/> whose
    /// body says how to sample it; null when there are errors.
    /// </summary>
    public DistributionDefinition? Distribution => Call?.Distribution;

    /// <summary>
    /// The folded argument values, one per parameter of the callee in order, defaults filled in
    /// (<c>Gamma(2)</c> gives [2, 1]); empty when there are errors.
    /// </summary>
    public ImmutableArray<double> Arguments { get; }

    /// <summary>How many values one draw has: 1, or the arity of a joint law's tuple; 0 when there are errors.</summary>
    public int ValueCount => Call?.ValueSupports.Length ?? 0;

    /// <summary>
    /// The support of each value (a joint law has one per component); empty when there are errors.
    /// </summary>
    public ImmutableArray<Support> ValueSupports => Call?.ValueSupports ?? ImmutableArray<Support>.Empty;

    /// <summary>
    /// Whether the callee is a primitive or defined in the embedded standard library, so that a
    /// distribution of the same name in GateDsl.Distributions (and its reference) describes it.
    /// False for a distribution from an import file, even one named like a standard one.
    /// </summary>
    public bool IsStandardLibrary { get; }

    /// <summary>Parses and binds <paramref name="expression"/> against the standard library and <paramref name="importPaths"/>.</summary>
    /// <param name="expression">One distribution call, e.g. <c>Beta(0.5, 1/2)</c>.</param>
    /// <param name="importPaths">Spec files whose distributions (and constants) the call may use, as paths on disk.</param>
    public static DistributionCallCompilation Compile(string expression, IReadOnlyList<string>? importPaths = null)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var imports = importPaths?.ToList() ?? new List<string>();
        return Compilation.RunOnLargeStack(() => CompileCore(expression, imports));
    }

    private static DistributionCallCompilation CompileCore(string expression, IReadOnlyList<string> importPaths)
    {
        var source = new SourceText(expression, ExpressionPath);
        var diagnostics = new DiagnosticBag();
        try
        {
            var (tree, call) = SyntaxTree.ParseCall(source);
            diagnostics.AddRange(tree.Diagnostics);

            var resolver = new ImportResolver(diagnostics);
            var roots = new List<SourceFile>();
            if (resolver.AddStandardLibrary(StandardLibraryFile) is { } stdlib)
            {
                roots.Add(stdlib);
            }

            roots.AddRange(importPaths.Select(resolver.AddFile));
            resolver.ResolveAll();
            foreach (var file in resolver.Files)
            {
                diagnostics.AddRange(file.Tree.Diagnostics);
            }

            // As in Compilation: binding a tree rebuilt by error recovery mostly reports echoes.
            if (call is null || tree.HasErrors || resolver.Files.Any(f => f.Tree.HasErrors))
            {
                return Failed(source, diagnostics, BoundModel.Empty);
            }

            // The expression becomes a file of the compilation with no items that imports the roots:
            // the binder then builds its scope (and reports clashing names) as for any spec file.
            var expressionFile = new SourceFile(ExpressionPath, tree, directory: null, isGiven: true);
            foreach (var root in roots.Distinct())
            {
                var nowhere = new TextSpan(0, 0);
                expressionFile.Imports.Add(new ImportEdge(new ImportItem(root.Key, nowhere, nowhere), root));
            }

            var files = resolver.Files.Prepend(expressionFile).ToList();
            var (model, bound) = new Binding.Binder(files, diagnostics).BindStandaloneCall(call, expressionFile);
            if (diagnostics.HasErrors || bound.Distribution is not { } definition)
            {
                return Failed(source, diagnostics, model);
            }

            var arguments = FoldArguments(bound, definition, source, diagnostics);
            if (arguments is null)
            {
                return Failed(source, diagnostics, model);
            }

            var standardSources = new HashSet<SourceText>(resolver.Files.Where(f => f.IsStandardLibrary).Select(f => f.Tree.Source), ReferenceEqualityComparer.Instance);
            var isStandard = definition is PrimitiveDistribution
                || (definition is BoundDistribution user && standardSources.Contains(user.Source));
            return new DistributionCallCompilation(source, diagnostics.ToSortedList(), model, bound, arguments.Value, isStandard);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A bug of ours, not the user's: say so plainly, with no stack trace.
            diagnostics.Report(DiagnosticCatalog.InternalError, source, new TextSpan(0, 0), ex.GetType().Name + ": " + ex.Message);
            return Failed(source, diagnostics, BoundModel.Empty);
        }
    }

    /// <summary>One value per parameter: the folded argument, or the parameter's default past the last argument.</summary>
    private static ImmutableArray<double>? FoldArguments(BoundDistributionCall call, DistributionDefinition definition, SourceText source, DiagnosticBag diagnostics)
    {
        var values = ImmutableArray.CreateBuilder<double>(definition.Parameters.Length);
        var ok = true;
        for (var i = 0; i < definition.Parameters.Length; i++)
        {
            double? value;
            if (i < call.Arguments.Length)
            {
                var argument = call.Arguments[i];
                value = BoundExprWalker.Fold(argument);
                if (value is null)
                {
                    // The binder accepted a constant whose value overflows (10 ^ 400): say so here.
                    diagnostics.Report(DiagnosticCatalog.NumberOutOfRange, source, argument.Span, source.ToString(argument.Span));
                }
            }
            else
            {
                value = definition.Parameters[i].Default;
            }

            ok &= value is not null;
            values.Add(value ?? double.NaN);
        }

        return ok ? values.MoveToImmutable() : null;
    }

    private static DistributionCallCompilation Failed(SourceText source, DiagnosticBag diagnostics, BoundModel model) =>
        new(source, diagnostics.ToSortedList(), model, null, ImmutableArray<double>.Empty, isStandardLibrary: false);
}
