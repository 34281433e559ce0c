namespace GateDsl.Cli.Json;

/// <summary>A KL term: <c>weight * KL(posterior || prior)</c> per unit and step.</summary>
/// <param name="Target">The prior's target member (<c>g[3]</c>).</param>
/// <param name="Weight">The prior's weight.</param>
/// <param name="Posterior">The target's law in this program.</param>
/// <param name="Prior">The prior's law (constant parameters).</param>
/// <param name="KlMethod">closedForm, truncatedSeries, upperBound, monteCarlo or quadrature.</param>
public sealed record IrKlTermDto(string Target, double Weight, IrLawDto Posterior, IrLawDto Prior, string KlMethod);
