using System.Collections.Immutable;
using GateDsl.Compiler.Ir;

namespace GateDsl.Compiler.Backends.CSharp.Syntax;

/// <summary><c>(a, b, ...)</c>: a tuple of at least two elements.</summary>
/// <param name="Elements">The elements.</param>
internal sealed record CsTuple(EquatableArray<CsExpression> Elements) : CsExpression
{
    /// <summary>A tuple of the given elements.</summary>
    public static CsTuple Of(IEnumerable<CsExpression> elements) => new(elements.ToImmutableArray());
}
