namespace GateDsl.Validation;

/// <summary>A parsed distribution call such as <c>BivariateBeta(2, 3, 1.5)</c>: a name and numeric arguments.</summary>
/// <param name="Name">The distribution name as written.</param>
/// <param name="Arguments">The arguments in order (defaults not yet applied).</param>
public sealed record DistributionCall(string Name, IReadOnlyList<double> Arguments);
