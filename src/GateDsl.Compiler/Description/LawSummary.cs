namespace GateDsl.Compiler.Description;

/// <summary>A law with its parameters written over the cell's source names: <c>Beta(shape(g[1]) + shape(g[3]), shape(g[4]) + shape(g[5]))</c>.</summary>
/// <param name="Family">The family (<see cref="Ir.LawFamily"/>'s name: Beta, BivariateBeta5, Gamma, ...).</param>
/// <param name="Parameters">Each parameter as an expression over source names, heads and numbers, in the family's order.</param>
public sealed record LawSummary(string Family, IReadOnlyList<string> Parameters)
{
    /// <summary>The law as one line: <c>Family(p1, p2, ...)</c>.</summary>
    public string Text => Family + "(" + string.Join(", ", Parameters) + ")";
}
