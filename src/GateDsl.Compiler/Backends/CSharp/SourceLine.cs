namespace GateDsl.Compiler.Backends.CSharp;

/// <summary>A statement of a spec as the emitted code quotes it in a comment.</summary>
/// <param name="File">The spec file's name (without folders, so the output is the same on every machine).</param>
/// <param name="Line">1-based line of the statement's start.</param>
/// <param name="Text">The statement as written (its first line, then <c>...</c> if it goes on).</param>
public sealed record SourceLine(string File, int Line, string Text)
{
    /// <summary><c>cells.gate, line 62: gate i = ...</c></summary>
    public override string ToString() => $"{File}, line {Line}: {Text}";
}
