using GateDsl.Language.Syntax;

namespace GateDsl.Language.Tests.Generators;

/// <summary>
/// A generated valid spec: the tree it was rendered from, the text (random layout, comments in
/// random places) and the comments it holds, in order.
/// </summary>
/// <param name="Tree">The generated tree (spans are meaningless; compare with <see cref="SyntaxDumper"/>).</param>
/// <param name="Text">The rendered text.</param>
/// <param name="Comments">Every comment written into <paramref name="Text"/>, in order.</param>
public sealed record GeneratedSpec(GateFile Tree, string Text, IReadOnlyList<string> Comments)
{
    /// <summary>The text, so that FsCheck prints a failing case as the spec itself.</summary>
    public override string ToString() => Text;
}
