using GateDsl.Language.Diagnostics;
using GateDsl.Language.Syntax;

namespace GateDsl.Language.Binding;

/// <summary>
/// Unused definitions. Uses are counted over the whole compilation, so a file-level constant used
/// only by an importing file is used. A file-level constant of a file without cells is not warned
/// about: such a file is a library, and its constants are there for the files that import it.
/// Gates are outputs of the cell and never unused.
/// </summary>
internal sealed partial class Binder
{
    private void ReportUnused()
    {
        var libraryConstants = _files
            .Where(f => !f.Tree.Root.Items.OfType<CellDecl>().Any())
            .SelectMany(f => f.Tree.Root.Items.OfType<ConstItem>().Select(c => (f.Tree.Source, c.Name.Span)))
            .ToHashSet();
        foreach (var symbol in _declared)
        {
            if (_used.Contains(symbol) || (symbol is ConstSymbol && libraryConstants.Contains((symbol.Source, symbol.Span))))
            {
                continue;
            }

            var descriptor = symbol switch
            {
                DrawSymbol => DiagnosticCatalog.UnusedDraw,
                ConstSymbol => DiagnosticCatalog.UnusedConstant,
                LetSymbol => DiagnosticCatalog.UnusedLet,
                ParameterSymbol => DiagnosticCatalog.UnusedParameter,
                _ => null,
            };
            if (descriptor is not null)
            {
                Report(descriptor, symbol.Source, symbol.Span, symbol.Name);
            }
        }
    }
}
