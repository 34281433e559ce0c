using System.Globalization;
using GateDsl.Language.Text;

namespace GateDsl.Language.Diagnostics;

/// <summary>A reported problem: what (descriptor and arguments) and where (source and span).</summary>
public sealed class Diagnostic
{
    /// <summary>Creates a diagnostic; use the factory methods on <see cref="DiagnosticCatalog"/> descriptors via <see cref="DiagnosticBag"/>.</summary>
    public Diagnostic(DiagnosticDescriptor descriptor, SourceText source, TextSpan span, params object[] arguments)
    {
        Descriptor = descriptor;
        Source = source;
        Span = ClampInto(span, source);
        Arguments = arguments;
        Message = string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat, arguments);
    }

    /// <summary>The kind of diagnostic.</summary>
    public DiagnosticDescriptor Descriptor { get; }

    /// <summary>The file the diagnostic points into.</summary>
    public SourceText Source { get; }

    /// <summary>The characters it points at (always inside <see cref="Source"/>).</summary>
    public TextSpan Span { get; }

    /// <summary>The values filled into the message format, for structural assertions in tests.</summary>
    public IReadOnlyList<object> Arguments { get; }

    /// <summary>The formatted message.</summary>
    public string Message { get; }

    /// <summary>The stable code, e.g. GATE0301.</summary>
    public string Code => Descriptor.Code;

    /// <summary>Error or warning.</summary>
    public DiagnosticSeverity Severity => Descriptor.Severity;

    /// <summary>1-based start line and column.</summary>
    public LinePosition Start => Source.GetLinePosition(Span.Start);

    /// <summary>1-based end line and column (one past the last character).</summary>
    public LinePosition End => Source.GetLinePosition(Span.End);

    /// <summary>Renders as <c>path(line,col): error GATE0001: message</c>.</summary>
    public override string ToString()
    {
        var severity = Severity == DiagnosticSeverity.Error ? "error" : "warning";
        return $"{Source.Path}({Start.Line},{Start.Column}): {severity} {Code}: {Message}";
    }

    private static TextSpan ClampInto(TextSpan span, SourceText source)
    {
        var start = Math.Clamp(span.Start, 0, source.Length);
        var end = Math.Clamp(span.End, start, source.Length);
        return TextSpan.FromBounds(start, end);
    }
}
