namespace GateDsl.Compiler.Backends.CSharp.Syntax;

/// <summary>A simple or dotted name: a local, a field, <c>torch.sigmoid</c>.</summary>
/// <param name="Text">The name as written; the emitter makes it a valid C# name.</param>
internal sealed record CsName(string Text) : CsExpression;
