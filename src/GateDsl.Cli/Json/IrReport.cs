namespace GateDsl.Cli.Json;

/// <summary>The whole output of <c>gatec describe --ir --json</c>.</summary>
/// <param name="File">The file described, as given.</param>
/// <param name="Cells">Each cell's IR (empty when the file has errors).</param>
/// <param name="Diagnostics">Errors and warnings of the file and its imports.</param>
public sealed record IrReport(string File, IReadOnlyList<IrCellDto> Cells, IReadOnlyList<DiagnosticDto> Diagnostics);
