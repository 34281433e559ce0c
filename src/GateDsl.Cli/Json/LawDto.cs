using GateDsl.Compiler.Description;

namespace GateDsl.Cli.Json;

/// <summary>A law over the cell's source names: <c>{"family":"Beta","parameters":["shape(g[1]) + shape(g[3])", ...],"text":"Beta(...)"}</c>.</summary>
/// <param name="Family">Beta, BivariateBeta, BivariateBeta5, Kumaraswamy, Gamma, ...</param>
/// <param name="Parameters">Each parameter as an expression over source names, heads and numbers.</param>
/// <param name="Text">The law as one line.</param>
public sealed record LawDto(string Family, IReadOnlyList<string> Parameters, string Text)
{
    /// <summary>The JSON view of a law summary.</summary>
    public static LawDto From(LawSummary law)
    {
        ArgumentNullException.ThrowIfNull(law);
        return new LawDto(law.Family, law.Parameters, law.Text);
    }
}
