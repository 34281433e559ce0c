using GateDsl.Language.Syntax;

namespace GateDsl.Language.Formatting;

/// <summary>Formats a parsed file in the one canonical GATE layout, keeping comments.</summary>
public static class GateFormatter
{
    /// <summary>The canonical text of a file without syntax errors.</summary>
    public static string Format(SyntaxTree tree) =>
        // Placeholder until the formatter lands.
        tree.Source.Text;
}
