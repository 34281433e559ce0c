namespace GateDsl.Language.Diagnostics;

/// <summary>How serious a diagnostic is. Errors stop a spec from compiling; warnings do not.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Something suspicious that still compiles (an unused draw, say).</summary>
    Warning,

    /// <summary>The spec is wrong and cannot be compiled.</summary>
    Error,
}
