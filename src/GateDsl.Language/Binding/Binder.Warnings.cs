using GateDsl.Language.Diagnostics;

namespace GateDsl.Language.Binding;

/// <summary>
/// Unused definitions. Uses are counted over the whole compilation, so a file-level constant used
/// only by an importing file is used. Gates are outputs of the cell and never unused.
/// </summary>
internal sealed partial class Binder
{
    private void ReportUnused()
    {
        foreach (var symbol in _declared)
        {
            if (_used.Contains(symbol))
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
