namespace GateDsl.Language.Tests.Generators;

/// <summary>One mutated stdlib file: what was done and what it produced.</summary>
/// <param name="File">The stdlib file it started from.</param>
/// <param name="Kind">The mutation.</param>
/// <param name="Original">The file's text.</param>
/// <param name="Text">The mutated text.</param>
/// <param name="Line">The 0-based line the mutation touched (the first, for a swap).</param>
/// <param name="Offset">For a truncation, where the text was cut.</param>
public sealed record StdlibMutation(string File, MutationKind Kind, string Original, string Text, int Line, int Offset)
{
    /// <summary>The mutated text, so that FsCheck prints a failing case as the file itself.</summary>
    public override string ToString() => $"{Kind} of {File} at line {Line} / offset {Offset}:\n{Text}";
}
