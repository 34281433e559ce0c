using GateDsl.Cli.Commands;
using GateDsl.Compiler.Description;
using GateDsl.Compiler.Ir;
using GateDsl.Distributions;

namespace GateDsl.Cli.Tests;

/// <summary>The human tables of describe, on a hand-made summary (independent of the compiler).</summary>
public sealed class CellTableTests
{
    private static readonly LawSummary Prior = new("Gamma", ["0.5", "1"]);

    private static readonly CellSummary Cell = new(
        "Demo",
        "demo.gate",
        3,
        7,
        new[]
        {
            new GateSummary("i", true, "(g[1] + g[3]) / (g[1] + g[3] + g[4] + g[5])", "UnitInterval", new LawSummary("Beta", ["shape(g[1]) + shape(g[3])", "shape(g[4]) + shape(g[5])"]), GateEvaluation.ExactMean),
            new GateSummary("f", true, "sigmoid(linear + noise)", "UnitInterval", null, GateEvaluation.PlugInMean),
            new GateSummary("o", false, "sigmoid(linear)", "UnitInterval", null, GateEvaluation.Deterministic),
            new GateSummary("candidate", false, "tanh(linear)", "Real", null, GateEvaluation.Deterministic),
        },
        new JointLawSummary(["i", "f"], new LawSummary("BivariateBeta5", ["a1", "a2", "a3", "a4", "a5"])),
        new[] { new DrawSummary("g", "Gamma", 5, "Positive") },
        new[]
        {
            new PriorSummary("g[1..2]", "Gamma(0.5, 1)", 1e-3, new[]
            {
                new KlTermSummary("g[1]", new LawSummary("Gamma", ["shape(g[1])", "1"]), Prior, KlMethod.Exact),
                new KlTermSummary("g[2]", new LawSummary("Kumaraswamy", ["a", "b"]), Prior, KlMethod.MonteCarlo),
            }),
        },
        "mean",
        true,
        new[] { new HyperParameterSummary("p", "UnitInterval", 0.2) },
        null);

    [Fact]
    public void Shows_heads_count_default_rule_and_every_part()
    {
        var text = Render(88, 148);

        Assert.Contains("cell Demo", text);
        Assert.Contains("K = 7", text);
        Assert.Contains("245532 (I = 88, H = 148)", text);
        Assert.Contains("mean (default)", text);
        Assert.Contains("stochastic gate", text);
        Assert.Contains("g (x5)", text);
        Assert.Contains("Gamma(0.5, 1) weight 0.001", text);
        Assert.Contains("0.2", text);
        Assert.DoesNotContain('\u001b', text);
    }

    [Fact]
    public void Without_sizes_shows_the_formula()
    {
        var text = Render(null, null);

        Assert.Contains("7*H*(I+H) + 7*H", text);
    }

    [Fact]
    public void Shows_each_gates_law_the_pair_and_how_evaluation_computes_it()
    {
        var lines = Render(null, null).Split('\n');

        Assert.Contains(lines, l => l.Contains("│ i ", StringComparison.Ordinal) && l.Contains("~ Beta(shape(g[1]) + shape(g[3]), shape(g[4]) + shape(g[5]))", StringComparison.Ordinal) && l.Contains("exact mean of its law", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("│ f ", StringComparison.Ordinal) && l.Contains("unknown", StringComparison.Ordinal) && l.Contains("not the gate's mean", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("(i, f)", StringComparison.Ordinal) && l.Contains("~ BivariateBeta5(a1, a2, a3, a4, a5)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("│ o ", StringComparison.Ordinal) && l.Contains("deterministic", StringComparison.Ordinal));
    }

    [Fact]
    public void Shows_each_KL_term_with_its_method_and_flags_Monte_Carlo()
    {
        var lines = Render(null, null).Split('\n');

        Assert.Contains(lines, l => l.Contains("0.001 * KL(Gamma(shape(g[1]), 1) || Gamma(0.5, 1))", StringComparison.Ordinal) && l.Contains("closed form", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("0.001 * KL(Kumaraswamy(a, b) || Gamma(0.5, 1))", StringComparison.Ordinal) && l.Contains("Monte Carlo: no closed form", StringComparison.Ordinal));
    }

    private static string Render(int? inputSize, int? hiddenSize)
    {
        using var stdout = new StringWriter();
        var context = new CliContext(stdout, TextWriter.Null, useColor: false);
        DescribeCommand.WriteCell(context.Console, DescribeCommand.ToDto(Cell, inputSize, hiddenSize), inputSize, hiddenSize);
        return stdout.ToString();
    }
}
