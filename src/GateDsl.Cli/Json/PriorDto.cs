namespace GateDsl.Cli.Json;

/// <summary>A prior: its target, its law, the weight of its KL term, and how the KL is computed.</summary>
/// <param name="Target">As written: <c>g[1..5]</c>.</param>
/// <param name="Distribution">The prior's law as written: <c>Gamma(0.5, 1)</c>.</param>
/// <param name="Weight">The KL weight.</param>
/// <param name="KlMethod">closedForm, truncatedSeries, upperBound, monteCarlo or quadrature when all its terms agree; null otherwise.</param>
/// <param name="Terms">One KL term per member of the target.</param>
public sealed record PriorDto(string Target, string Distribution, double Weight, string? KlMethod, IReadOnlyList<KlTermDto> Terms);
