namespace GateDsl.Compiler.Backends.CSharp.Syntax;

/// <summary>A statement of an emitted method body (<see cref="CsWriter.Statement"/> writes one).</summary>
internal abstract record CsStatement;
