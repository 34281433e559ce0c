namespace GateDsl.Validation;

/// <summary>What <c>gatec sample</c> reports: per-component statistics and, for joint laws, the correlation.</summary>
/// <param name="Entry">The catalogue entry sampled.</param>
/// <param name="Parameters">The full parameter list (defaults applied).</param>
/// <param name="N">Number of draws.</param>
/// <param name="Seed">Generator seed.</param>
/// <param name="Components">One report per component.</param>
/// <param name="Correlation">For joint laws: sample vs reference correlation and its CLT bound; null otherwise.</param>
/// <param name="Draws">The draws themselves (one array per component), for plotting.</param>
public sealed record SampleReport(
    CatalogueEntry Entry,
    IReadOnlyList<double> Parameters,
    int N,
    long Seed,
    IReadOnlyList<ComponentReport> Components,
    CorrelationResult? Correlation,
    IReadOnlyList<double[]> Draws)
{
    /// <summary>The call with parameter names and values, e.g. <c>BivariateBeta(a = 2, b = 3, c = 1.5)</c>.</summary>
    public string Distribution => Entry.Describe(Parameters);
}
