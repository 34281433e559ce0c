using GateDsl.Compiler.Ir;
using GateDsl.Language.Imports;

namespace GateDsl.Compiler.Tests.Lowering;

/// <summary>Cells lowered for the tests: the embedded standard library's, and cells written in a test.</summary>
internal static class Lowered
{
    private static readonly Lazy<Compilation> StdlibCells =
        new(() => Compilation.FromText(StandardLibrary.TryRead("cells.gate") ?? throw new InvalidOperationException("no embedded cells.gate"), "cells.gate"));

    /// <summary>A cell of the standard library's cells.gate, lowered with its default hyperparameters.</summary>
    public static IrCell Stdlib(string name)
    {
        var compilation = StdlibCells.Value;
        Assert.True(compilation.Diagnostics.Count == 0, string.Join("\n", compilation.Diagnostics));
        return Assert.Single(compilation.IrCells, c => c.Name == name);
    }

    /// <summary>The standard library's cells.gate, compiled.</summary>
    public static Compilation StdlibCompilation => StdlibCells.Value;

    /// <summary>
    /// The only cell of <paramref name="text"/> (which imports distributions.gate itself when it needs
    /// it), lowered; fails the test on any error.
    /// </summary>
    public static IrCell Cell(string text)
    {
        var compilation = Compile(text);
        return Assert.Single(compilation.IrCells);
    }

    /// <summary>A compilation of <paramref name="text"/> without errors (warnings allowed).</summary>
    public static Compilation Compile(string text)
    {
        var compilation = Compilation.FromText(text, "test.gate");
        Assert.False(compilation.HasErrors, string.Join("\n", compilation.Diagnostics));
        return compilation;
    }

    /// <summary>A cell with the given statements for i and f (and what they need), and the usual o and candidate.</summary>
    public static IrCell WithGates(string statements) =>
        Cell("import \"distributions.gate\"\nconst eps = 1e-3\ncell C {\n" + statements + "\n  gate o = sigmoid(linear)\n  candidate = tanh(linear)\n}\n");
}
