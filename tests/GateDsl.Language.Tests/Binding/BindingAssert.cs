using GateDsl.Compiler;
using GateDsl.Language.Diagnostics;

namespace GateDsl.Language.Tests.Binding;

/// <summary>Helpers to compile a snippet and assert diagnostics structurally (code + line/column).</summary>
internal static class BindingAssert
{
    /// <summary>The stdlib import every snippet starts from, so Beta and friends are visible.</summary>
    public const string Prelude = "import \"distributions.gate\"\n";

    public static Compilation Compile(string text) => Compilation.FromText(text, "test.gate");

    public static IReadOnlyList<Diagnostic> Diagnostics(string text) => Compile(text).Diagnostics;

    /// <summary>Asserts that a diagnostic with this code starts at this 1-based line and column, and returns it.</summary>
    public static Diagnostic Has(string text, string code, int line, int column)
    {
        var diagnostics = Diagnostics(text);
        var match = diagnostics.FirstOrDefault(d => d.Code == code && d.Start.Line == line && d.Start.Column == column);
        Assert.True(match is not null, $"expected {code} at ({line},{column}), got:\n{Render(diagnostics)}");
        return match!;
    }

    /// <summary>Asserts a diagnostic with this code exists anywhere, and returns the first.</summary>
    public static Diagnostic Has(string text, string code)
    {
        var diagnostics = Diagnostics(text);
        var match = diagnostics.FirstOrDefault(d => d.Code == code);
        Assert.True(match is not null, $"expected {code}, got:\n{Render(diagnostics)}");
        return match!;
    }

    /// <summary>Asserts there is no diagnostic at all.</summary>
    public static Compilation Clean(string text)
    {
        var compilation = Compile(text);
        Assert.True(compilation.Diagnostics.Count == 0, "expected no diagnostics, got:\n" + Render(compilation.Diagnostics));
        return compilation;
    }

    public static string Render(IEnumerable<Diagnostic> diagnostics) => string.Join("\n", diagnostics.Select(d => d.ToString()));
}
