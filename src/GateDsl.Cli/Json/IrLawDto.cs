namespace GateDsl.Cli.Json;

/// <summary>A law with its parameters as instruction indices, and as text over source names.</summary>
/// <param name="Family">Beta, BivariateBeta5, Gamma, ...</param>
/// <param name="Parameters">One instruction index per parameter, in the family's order.</param>
/// <param name="Text">The law over source names: <c>Beta(shape(g[1]) + shape(g[3]), ...)</c>.</param>
public sealed record IrLawDto(string Family, IReadOnlyList<int> Parameters, string Text);
