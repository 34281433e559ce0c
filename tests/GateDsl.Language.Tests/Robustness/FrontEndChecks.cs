using GateDsl.Compiler;
using GateDsl.Language.Diagnostics;
using GateDsl.Language.Formatting;
using GateDsl.Language.Syntax;

namespace GateDsl.Language.Tests.Robustness;

/// <summary>What must hold for any text whatsoever given to the front end.</summary>
public static class FrontEndChecks
{
    /// <summary>
    /// Compiles and (when it parses) formats <paramref name="text"/>, asserting: nothing throws;
    /// every diagnostic lies inside its file, with 1-based line and column that map back to its
    /// offset; no internal error (GATE9999); syntax errors are never lost by the full check; a
    /// file with syntax errors is refused by the formatter, any other formats to an equivalent,
    /// error-free fixed point.
    /// </summary>
    /// <returns>The syntax tree, for further assertions.</returns>
    public static SyntaxTree AssertSurvives(string text, string path = "mutated.gate")
    {
        var compilation = Compilation.FromText(text, path);
        foreach (var diagnostic in compilation.Diagnostics)
        {
            AssertWellPlaced(diagnostic);
        }

        var tree = SyntaxTree.Parse(text, path);
        foreach (var diagnostic in tree.Diagnostics)
        {
            AssertWellPlaced(diagnostic);
        }

        if (tree.HasErrors)
        {
            // Only Compilation.FromText(...).Diagnostics is relied on: the binder replaces the rest of the driver.
            Assert.Contains(compilation.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
            Assert.Throws<InvalidOperationException>(() => GateFormatter.Format(tree));
            return tree;
        }

        var formatted = GateFormatter.Format(tree);
        var reparsed = SyntaxTree.Parse(formatted, "formatted.gate");
        Assert.False(reparsed.HasErrors, "the formatted text parses without errors");
        Assert.Equal(SyntaxDumper.Dump(tree.Root), SyntaxDumper.Dump(reparsed.Root));
        Assert.Equal(formatted, GateFormatter.Format(reparsed));
        return tree;
    }

    private static void AssertWellPlaced(Diagnostic diagnostic)
    {
        var source = diagnostic.Source;
        Assert.True(diagnostic.Code != DiagnosticCatalog.InternalError.Code, $"internal error: {diagnostic}");
        Assert.InRange(diagnostic.Span.Start, 0, source.Length);
        Assert.InRange(diagnostic.Span.End, diagnostic.Span.Start, source.Length);
        foreach (var (position, offset) in new[] { (diagnostic.Start, diagnostic.Span.Start), (diagnostic.End, diagnostic.Span.End) })
        {
            Assert.InRange(position.Line, 1, source.LineCount);
            Assert.True(position.Column >= 1, $"column {position.Column} of {diagnostic}");
            Assert.Equal(offset, source.GetOffset(position.Line, position.Column));
        }

        Assert.False(string.IsNullOrWhiteSpace(diagnostic.Message), "every diagnostic has a message");
        Assert.StartsWith($"{source.Path}({diagnostic.Start.Line},{diagnostic.Start.Column}): ", diagnostic.ToString(), StringComparison.Ordinal);
    }
}
