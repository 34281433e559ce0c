namespace GateDsl.Cli.Json;

/// <summary>One KL term of a prior: weight * KL(posterior || prior) at every step.</summary>
/// <param name="Target">The member, e.g. <c>g[3]</c>.</param>
/// <param name="Posterior">The law of the target over source names.</param>
/// <param name="Prior">The prior's law.</param>
/// <param name="KlMethod">closedForm, truncatedSeries, upperBound, monteCarlo or quadrature.</param>
public sealed record KlTermDto(string Target, LawDto Posterior, LawDto Prior, string KlMethod);
