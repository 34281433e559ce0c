using GateDsl.Cli.Commands;
using GateDsl.Language.Model;

namespace GateDsl.Cli.Tests;

/// <summary>The human table of describe, on a hand-made summary (independent of the binder).</summary>
public sealed class CellTableTests
{
    private static readonly CellSummary Cell = new(
        "Demo",
        "demo.gate",
        3,
        7,
        new[]
        {
            new GateSummary("i", true, "(g[1] + g[3]) / (g[1] + g[3] + g[4] + g[5])", "UnitInterval"),
            new GateSummary("f", true, "(g[2] + g[4]) / (g[2] + g[4] + g[3] + g[5])", "UnitInterval"),
            new GateSummary("o", false, "sigmoid(linear)", "UnitInterval"),
            new GateSummary("candidate", false, "tanh(linear)", "Real"),
        },
        new[] { new DrawSummary("g", "Gamma", 5, "Positive") },
        new[] { new PriorSummary("g[1..5]", "Gamma(0.5, 1)", 1e-3) },
        "mean",
        true,
        new[] { new HyperParameterSummary("p", "UnitInterval", 0.2) });

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

    private static string Render(int? inputSize, int? hiddenSize)
    {
        using var stdout = new StringWriter();
        var context = new CliContext(stdout, TextWriter.Null, useColor: false);
        DescribeCommand.WriteCell(context.Console, DescribeCommand.ToDto(Cell, inputSize, hiddenSize), inputSize, hiddenSize);
        return stdout.ToString();
    }
}
