using GateDsl.Language.Diagnostics;

namespace GateDsl.Cli.Json;

/// <summary>One diagnostic in <c>--json</c> output; lines and columns are 1-based, the end is exclusive.</summary>
/// <param name="Code">Stable code, e.g. GATE0301.</param>
/// <param name="Severity"><c>error</c> or <c>warning</c>.</param>
/// <param name="File">The path as given on the command line, or the import's path.</param>
/// <param name="Line">Start line.</param>
/// <param name="Column">Start column.</param>
/// <param name="EndLine">End line.</param>
/// <param name="EndColumn">Column one past the last character.</param>
/// <param name="Message">The formatted message.</param>
public sealed record DiagnosticDto(string Code, string Severity, string File, int Line, int Column, int EndLine, int EndColumn, string Message)
{
    /// <summary>The JSON view of a diagnostic.</summary>
    public static DiagnosticDto From(Diagnostic diagnostic) =>
        new(
            diagnostic.Code,
            diagnostic.Severity == DiagnosticSeverity.Error ? "error" : "warning",
            diagnostic.Source.Path,
            diagnostic.Start.Line,
            diagnostic.Start.Column,
            diagnostic.End.Line,
            diagnostic.End.Column,
            diagnostic.Message);
}
