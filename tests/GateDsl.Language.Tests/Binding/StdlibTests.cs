using GateDsl.Compiler;
using GateDsl.Language.Imports;

namespace GateDsl.Language.Tests.Binding;

/// <summary>The standard library checks clean, and describe reports the paper's head counts (the parameter count is the back end's: Compiler.Tests).</summary>
public sealed class StdlibTests
{
    private static readonly string StdlibDirectory = FindStdlib();

    [Fact]
    public void Embedded_stdlib_checks_clean()
    {
        var compilation = BindingAssert.Compile("import \"cells.gate\"\n");
        Assert.True(compilation.Diagnostics.Count == 0, BindingAssert.Render(compilation.Diagnostics));
        Assert.Contains("distributions.gate", StandardLibrary.FileNames);
        Assert.Contains("cells.gate", StandardLibrary.FileNames);
    }

    [Fact]
    public void Stdlib_files_on_disk_check_clean_and_are_parsed_once()
    {
        var compilation = Compilation.FromFiles(new[]
        {
            Path.Combine(StdlibDirectory, "distributions.gate"),
            Path.Combine(StdlibDirectory, "cells.gate"),
        });
        Assert.True(compilation.Diagnostics.Count == 0, BindingAssert.Render(compilation.Diagnostics));
        Assert.Equal(2, compilation.SyntaxTrees.Count);
        Assert.Equal(8, compilation.Model.Cells.Length);
        Assert.Equal(6, compilation.Model.Distributions.Length);
    }

    [Theory]
    [InlineData("LSTM", 4)]
    [InlineData("CIFG", 3)]
    [InlineData("G2LSTM", 4)]
    [InlineData("BetaLSTM", 6)]
    [InlineData("BBetaLSTM", 5)]
    [InlineData("BBetaLSTM5G", 7)]
    [InlineData("BBetaLSTM5GPrior", 7)]
    [InlineData("KumaraswamyLSTM", 6)]
    public void Head_counts_match_the_paper(string cell, int heads)
    {
        var summary = Cells().Single(c => c.Name == cell);
        Assert.Equal(heads, summary.HeadCount);
    }

    [Fact]
    public void Describe_reports_gates_draws_priors_and_rule()
    {
        var cells = Cells();
        var prior = cells.Single(c => c.Name == "BBetaLSTM5GPrior");
        Assert.Equal(new[] { "i", "f", "o", "candidate" }, prior.Gates.Select(g => g.Name));
        Assert.Equal("(g[1] + g[3]) / (g[1] + g[3] + g[4] + g[5])", prior.Gates[0].Definition);
        Assert.True(prior.Gates[0].IsStochastic);
        Assert.False(prior.Gates[2].IsStochastic);
        Assert.All(prior.Gates.Take(3), g => Assert.Equal("UnitInterval", g.Support));
        var draw = Assert.Single(prior.Draws);
        Assert.Equal(("g", "Gamma", 5, "Positive"), (draw.Name, draw.Distribution, draw.Count, draw.Support));
        var p = Assert.Single(prior.Priors);
        Assert.Equal(("g[1..5]", "Gamma(0.5, 1)", 1e-3), (p.Target, p.Distribution, p.Weight));
        Assert.Equal("mean", prior.EvaluationRule);
        Assert.False(prior.EvaluationRuleIsDefault);

        var beta = cells.Single(c => c.Name == "BetaLSTM");
        Assert.Equal(new[] { "i.u", "i.v", "f.u", "f.v" }, beta.Draws.Select(d => d.Name));
        Assert.Equal("i ~ Beta(softplus(linear) + eps, softplus(linear) + eps)", beta.Gates[0].Definition);

        var bivariate = cells.Single(c => c.Name == "BBetaLSTM");
        Assert.Equal(new[] { "(i, f).u", "(i, f).v", "(i, f).w" }, bivariate.Draws.Select(d => d.Name));

        var lstm = cells.Single(c => c.Name == "LSTM");
        Assert.Empty(lstm.Draws);
        Assert.True(lstm.EvaluationRuleIsDefault);
        Assert.Equal("mean", lstm.EvaluationRule);

        var g2 = cells.Single(c => c.Name == "G2LSTM");
        Assert.Equal(new[] { ("p", "UnitInterval", 0.2), ("temperature", "Positive", 1.0) }, g2.Parameters.Select(h => (h.Name, h.Support, h.Value)));
        Assert.Equal("1 - i", cells.Single(c => c.Name == "CIFG").Gates[1].Definition);
    }

    private static IReadOnlyList<Compiler.Description.CellSummary> Cells()
    {
        var compilation = Compilation.FromFiles(new[] { Path.Combine(StdlibDirectory, "cells.gate") });
        Assert.False(compilation.HasErrors, BindingAssert.Render(compilation.Diagnostics));
        return compilation.Cells;
    }

    private static string FindStdlib()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "stdlib");
            if (File.Exists(Path.Combine(candidate, "cells.gate")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("stdlib/ not found above " + AppContext.BaseDirectory);
    }
}
