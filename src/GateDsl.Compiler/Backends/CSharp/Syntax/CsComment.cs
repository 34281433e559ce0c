namespace GateDsl.Compiler.Backends.CSharp.Syntax;

/// <summary>A <c>// text</c> line (line breaks in the text become further comment lines).</summary>
/// <param name="Text">The comment's text without the slashes.</param>
internal sealed record CsComment(string Text) : CsStatement;
