using GateDsl.Distributions;

namespace GateDsl.Compiler.Description;

/// <summary>One prior of a cell: its target, its law, the weight of its KL term, and the KL terms it became.</summary>
/// <param name="Target">As written: <c>g[1..5]</c>, <c>i</c>.</param>
/// <param name="Distribution">The prior's law as written: <c>Gamma(0.5, 1)</c>.</param>
/// <param name="Weight">The KL weight (1 when not written).</param>
/// <param name="Terms">One KL term per member of the target (empty when the cell was not lowered).</param>
public sealed record PriorSummary(string Target, string Distribution, double Weight, IReadOnlyList<KlTermSummary> Terms)
{
    /// <summary>How its KL terms are computed when they agree (they do for a family of one law); null without terms.</summary>
    public KlMethod? Method => Terms.Count > 0 && Terms.All(t => t.Method == Terms[0].Method) ? Terms[0].Method : null;
}
