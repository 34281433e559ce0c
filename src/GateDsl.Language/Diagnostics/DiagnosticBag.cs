using System.Collections;
using GateDsl.Language.Text;

namespace GateDsl.Language.Diagnostics;

/// <summary>Collects diagnostics as a stage goes on (collect, don't throw).</summary>
public sealed class DiagnosticBag : IEnumerable<Diagnostic>
{
    private readonly List<Diagnostic> _items = new();

    /// <summary>Number of diagnostics collected.</summary>
    public int Count => _items.Count;

    /// <summary>Whether any collected diagnostic is an error.</summary>
    public bool HasErrors => _items.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>Reports one diagnostic.</summary>
    public Diagnostic Report(DiagnosticDescriptor descriptor, SourceText source, TextSpan span, params object[] arguments)
    {
        var diagnostic = new Diagnostic(descriptor, source, span, arguments);
        _items.Add(diagnostic);
        return diagnostic;
    }

    /// <summary>Adds diagnostics reported elsewhere.</summary>
    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);

    /// <summary>The diagnostics in source order (file, then position), errors and warnings mixed.</summary>
    public IReadOnlyList<Diagnostic> ToSortedList() =>
        _items
            .OrderBy(d => d.Source.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Span.Start)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ToList();

    /// <inheritdoc />
    public IEnumerator<Diagnostic> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
