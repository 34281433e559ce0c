namespace GateDsl.Cli.Json;

/// <summary>The whole output of <c>gatec describe --json</c>.</summary>
/// <param name="File">The file described, as given.</param>
/// <param name="InputSize">I, or null when not given.</param>
/// <param name="HiddenSize">H, or null when not given.</param>
/// <param name="Cells">The described cells (empty when the file has errors).</param>
/// <param name="Diagnostics">Errors and warnings of the file and its imports.</param>
public sealed record DescribeReport(string File, int? InputSize, int? HiddenSize, IReadOnlyList<CellDto> Cells, IReadOnlyList<DiagnosticDto> Diagnostics);
