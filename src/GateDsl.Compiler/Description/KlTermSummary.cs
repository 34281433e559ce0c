using GateDsl.Distributions;

namespace GateDsl.Compiler.Description;

/// <summary>One KL term of a prior: weight * KL(law of the target || the prior's law) at every step.</summary>
/// <param name="Target">The member: <c>g[3]</c>.</param>
/// <param name="Posterior">The law of the target, over source names.</param>
/// <param name="Prior">The prior's law with its parameters folded.</param>
/// <param name="Method">How GateDsl.Distributions' KL registry computes it: closed form (<see cref="KlMethod.Exact"/>), truncated series, upper bound, closed form and quadrature, or Monte Carlo (an unbiased, noisy estimate from one draw per unit and step).</param>
public sealed record KlTermSummary(string Target, LawSummary Posterior, LawSummary Prior, KlMethod Method);
