namespace GateDsl.Language.Binding;

/// <summary>One primitive draw of a cell after user distributions are inlined (e.g. <c>i.u ~ Gamma</c>).</summary>
/// <param name="Name">Qualified name: the cell's target, then the names inside each inlined distribution.</param>
/// <param name="Distribution">The primitive law.</param>
/// <param name="Count">How many independent draws (family sizes multiply).</param>
/// <param name="Support">The support of each draw.</param>
public sealed record InlinedDraw(string Name, PrimitiveDistribution Distribution, int Count, Support Support);
