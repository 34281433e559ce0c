using System.Collections.Immutable;
using GateDsl.Language.Binding;
using GateDsl.Language.Syntax;
using GateDsl.Language.Text;

namespace GateDsl.Language;

/// <summary>What the front end made of a set of files.</summary>
/// <param name="SyntaxTrees">Every parsed file, the given ones first, then imports.</param>
/// <param name="Model">The bound model; empty when a file has syntax errors (binding waits for clean syntax).</param>
/// <param name="GivenSources">The files the user named (not reached through imports).</param>
/// <param name="StandardSources">The embedded standard-library files among them.</param>
/// <param name="IsBound">Whether binding ran.</param>
internal sealed record FrontEndResult(
    IReadOnlyList<SyntaxTree> SyntaxTrees,
    BoundModel Model,
    ImmutableHashSet<SourceText> GivenSources,
    ImmutableHashSet<SourceText> StandardSources,
    bool IsBound);
