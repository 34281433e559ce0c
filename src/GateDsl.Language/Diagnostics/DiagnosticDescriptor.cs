namespace GateDsl.Language.Diagnostics;

/// <summary>
/// One kind of diagnostic: a stable code, a severity and a message format. All of them live in
/// <see cref="DiagnosticCatalog"/>; messages are never built ad hoc.
/// </summary>
/// <param name="Code">Stable identifier such as <c>GATE0301</c>; never reused for another meaning.</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Title">A short name for the catalogue listing.</param>
/// <param name="MessageFormat">A composite format string filled with the diagnostic's arguments.</param>
public sealed record DiagnosticDescriptor(string Code, DiagnosticSeverity Severity, string Title, string MessageFormat);
