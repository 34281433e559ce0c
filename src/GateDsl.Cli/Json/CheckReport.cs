namespace GateDsl.Cli.Json;

/// <summary>The whole output of <c>gatec check --json</c>: <c>{"diagnostics":[...]}</c>.</summary>
public sealed record CheckReport(IReadOnlyList<DiagnosticDto> Diagnostics);
