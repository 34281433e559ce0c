using GateDsl.Language.Syntax;

namespace GateDsl.Language.Imports;

/// <summary>An import statement and the file it resolved to.</summary>
internal sealed record ImportEdge(ImportItem Syntax, SourceFile Target);
