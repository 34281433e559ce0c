using System.Collections.Immutable;
using GateDsl.Language.Diagnostics;
using GateDsl.Language.Imports;
using GateDsl.Language.Syntax;
using GateDsl.Language.Text;

namespace GateDsl.Language.Binding;

/// <summary>
/// Checks every file of a compilation: names across imports, supports, arity, structure of cells
/// and distributions, priors, and unused definitions. Split by concern into partial files:
/// TopLevel (scopes, duplicates, constants), Expressions, Calls (draws and distributions), Cells,
/// Priors and Warnings. The binder reports and keeps going; it never throws on a syntax tree, and
/// skips empty names (error recovery of the parser, already reported).
/// <para>Decisions worth knowing:</para>
/// <list type="bullet">
/// <item>A file sees its own top-level names and those of every file it imports, transitively.
/// Top-level items may be used before they are written (constants, distributions); inside a body
/// names must be defined before use. A local may shadow a file-level constant.</item>
/// <item>Cell parameters are hyperparameters with constant defaults, so they count as constants
/// (a prior weight may be one); distribution parameters do not.</item>
/// <item>An expression that cannot be bound becomes <see cref="BoundError"/> with the smallest
/// support, so one mistake gives one diagnostic rather than a cascade.</item>
/// <item>Priors may name anything in their cell's body, wherever it is written, and a prior does
/// not count as a use of its target (a draw only a prior mentions changes no gate: GATE0901).</item>
/// <item>Unused file-level constants are those no cell, distribution or constant of the whole
/// compilation refers to.</item>
/// </list>
/// </summary>
internal sealed partial class Binder
{
    private readonly DiagnosticBag _diagnostics;
    private readonly IReadOnlyList<SourceFile> _files;
    private readonly Dictionary<SourceFile, FileScope> _scopes = new();
    private readonly Dictionary<DistributionDecl, BoundDistribution> _distributions = new(ReferenceEqualityComparer.Instance);
    private readonly List<DistributionDecl> _distributionsInProgress = new();
    private readonly Dictionary<ConstItem, ConstSymbol> _fileConstants = new(ReferenceEqualityComparer.Instance);
    private readonly List<ConstItem> _constantsInProgress = new();
    private readonly HashSet<Symbol> _used = new(ReferenceEqualityComparer.Instance);
    private readonly List<Symbol> _declared = new();
    private readonly List<BoundCell> _cells = new();
    private readonly List<BoundDistribution> _boundDistributions = new();

    public Binder(IReadOnlyList<SourceFile> files, DiagnosticBag diagnostics)
    {
        _files = files;
        _diagnostics = diagnostics;
    }

    /// <summary>Binds every file and returns the model.</summary>
    public BoundModel Bind()
    {
        BuildScopes();
        BindItems();
        ReportUnused();
        return Model();
    }

    private BoundModel Model() => new(_cells.ToImmutableArray(), _boundDistributions.ToImmutableArray());

    /// <summary>Binds every top-level item of every file, in file order.</summary>
    private void BindItems()
    {
        foreach (var file in _files)
        {
            var scope = _scopes[file];
            foreach (var item in file.Tree.Root.Items)
            {
                switch (item)
                {
                    case ConstItem c when c.Name.Text.Length > 0:
                        GetFileConstant(c, scope);
                        break;
                    case DistributionDecl d:
                        GetDistribution(d, scope);
                        break;
                    case CellDecl c:
                        _cells.Add(BindCell(c, scope));
                        break;
                }
            }
        }
    }

    private void Report(DiagnosticDescriptor descriptor, SourceText source, TextSpan span, params object[] arguments) =>
        _diagnostics.Report(descriptor, source, span, arguments);

    private void Report(DiagnosticDescriptor descriptor, BodyContext context, TextSpan span, params object[] arguments) =>
        _diagnostics.Report(descriptor, context.Source, span, arguments);

    private void Use(Symbol symbol) => _used.Add(symbol);

    /// <summary>Registers a definition for the unused-definition warnings.</summary>
    private T Declare<T>(T symbol)
        where T : Symbol
    {
        _declared.Add(symbol);
        return symbol;
    }
}
