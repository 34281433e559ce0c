namespace GateDsl.Compiler.Description;

/// <summary>One primitive draw of a cell after distributions are inlined.</summary>
/// <param name="Name">Its name as written, qualified where it comes from an inlined distribution (e.g. <c>i.u</c>).</param>
/// <param name="Distribution">The primitive family: Gamma, Uniform, Normal, Logistic or Bernoulli.</param>
/// <param name="Count">Number of members (a family g[1..5] has 5).</param>
/// <param name="Support">Real, Positive or UnitInterval.</param>
public sealed record DrawSummary(string Name, string Distribution, int Count, string Support);
