namespace GateDsl.Validation;

/// <summary>The sample (Pearson) correlation of two components of a joint law, with its delta-method standard error.</summary>
/// <param name="First">Label of the first component.</param>
/// <param name="Second">Label of the second component.</param>
/// <param name="Sample">The sample correlation.</param>
/// <param name="StandardError">Its delta-method standard error (see <see cref="CorrelationTest"/>).</param>
public sealed record SampleCorrelation(string First, string Second, double Sample, double StandardError);
