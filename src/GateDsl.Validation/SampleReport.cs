namespace GateDsl.Validation;

/// <summary>
/// What <c>gatec sample</c> reports: per-component statistics and, for joint laws, correlations.
/// A law with a reference twin (<see cref="Entry"/> set) also carries reference moments, quantiles,
/// KS tests and the reference correlation; a law without one (a user distribution, Bernoulli)
/// carries sample statistics only and says why in <see cref="NoReferenceReason"/>.
/// </summary>
/// <param name="Name">The distribution's name as called, e.g. <c>BivariateBeta</c> or <c>Dirichlet3</c>.</param>
/// <param name="ParameterNames">Parameter names in call order.</param>
/// <param name="Parameters">The full parameter list (defaults applied).</param>
/// <param name="Entry">The catalogue entry (toolkit sampler and reference twin) used; null when there is no reference.</param>
/// <param name="NoReferenceReason">Why there is no reference (null when there is one).</param>
/// <param name="N">Number of draws.</param>
/// <param name="Seed">Generator seed.</param>
/// <param name="Components">One report per component.</param>
/// <param name="Correlation">For joint laws with a reference: sample vs reference correlation and its CLT bound; null otherwise.</param>
/// <param name="SampleCorrelations">For joint laws: the sample correlation of every pair of components; empty otherwise.</param>
/// <param name="Draws">The draws themselves (one array per component), for plotting.</param>
public sealed record SampleReport(
    string Name,
    IReadOnlyList<string> ParameterNames,
    IReadOnlyList<double> Parameters,
    CatalogueEntry? Entry,
    string? NoReferenceReason,
    int N,
    long Seed,
    IReadOnlyList<ComponentReport> Components,
    CorrelationResult? Correlation,
    IReadOnlyList<SampleCorrelation> SampleCorrelations,
    IReadOnlyList<double[]> Draws)
{
    /// <summary>Whether the report carries reference values (a toolkit law with a MathNet twin).</summary>
    public bool HasReference => Entry is not null;

    /// <summary>The call with parameter names and values, e.g. <c>BivariateBeta(a = 2, b = 3, c = 1.5)</c>.</summary>
    public string Distribution =>
        $"{Name}({string.Join(", ", ParameterNames.Select((p, i) => $"{p} = {Format.Number(Parameters[i])}"))})";
}
