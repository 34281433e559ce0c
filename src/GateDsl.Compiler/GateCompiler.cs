using GateDsl.Language.Imports;

namespace GateDsl.Compiler;

/// <summary>
/// The entry point for programs: compile a <c>.gate</c> spec, then create its cells and layers.
/// <code>
/// var spec = GateCompiler.Compile("cells.gate");
/// if (spec.HasErrors) { foreach (var d in spec.Diagnostics) Console.Error.WriteLine(d); return; }
/// var layer = spec.CreateLayer("BBetaLSTM5GPrior", inputSize: 88, hiddenSize: 148, layers: 2, dropout: 0.2);
/// var result = layer.call(x, mask, null);          // x [T, B, 88], mask [T, B] bool
/// var loss = dataLoss + klWeight * result.Kl;      // then loss.backward()
/// </code>
/// A spec with errors gives its diagnostics, never an exception; creating a cell from it throws
/// <see cref="InvalidOperationException"/> with the first of them.
/// </summary>
public static class GateCompiler
{
    /// <summary>Compiles spec files; imports resolve next to them, then in the standard library.</summary>
    public static CompiledSpec Compile(params string[] paths) => new(Compilation.FromFiles(paths));

    /// <summary>
    /// Compiles a file of the standard library embedded in GateDsl.Language, as if it were given:
    /// <c>cells.gate</c> (the paper's cells) or <c>distributions.gate</c>. For programs outside the
    /// repository, which have no stdlib folder on disk.
    /// </summary>
    /// <exception cref="ArgumentException">No such embedded file (the message lists them).</exception>
    public static CompiledSpec CompileStandardLibrary(string fileName = "cells.gate")
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var text = StandardLibrary.TryRead(fileName)
            ?? throw new ArgumentException($"the standard library has no file '{fileName}'; it has {string.Join(", ", StandardLibrary.FileNames)}.", nameof(fileName));
        return CompileText(text, fileName);
    }

    /// <summary>Compiles a spec held in memory (its imports resolve against the current directory, then the standard library).</summary>
    public static CompiledSpec CompileText(string text, string path = "<input>") => new(Compilation.FromText(text, path));
}
