using GateDsl.Compiler.Ir;
using GateDsl.Compiler.Tests.Lowering;
using GateDsl.Distributions;

namespace GateDsl.Compiler.Tests.Description;

/// <summary>What describe summarises: the cell as written, next to what lowering inferred.</summary>
public sealed class CellDescriberTests
{
    [Fact]
    public void Summarises_gates_draws_priors_rule_and_hyperparameters_as_written()
    {
        var cells = Lowered.StdlibCompilation.Cells;
        var prior = cells.Single(c => c.Name == "BBetaLSTM5GPrior");
        Assert.Equal(new[] { "i", "f", "o", "candidate" }, prior.Gates.Select(g => g.Name));
        Assert.Equal("(g[1] + g[3]) / (g[1] + g[3] + g[4] + g[5])", prior.Gates[0].Definition);
        Assert.True(prior.Gates[0].IsStochastic);
        Assert.False(prior.Gates[2].IsStochastic);
        var draw = Assert.Single(prior.Draws);
        Assert.Equal(("g", "Gamma", 5, "Positive"), (draw.Name, draw.Distribution, draw.Count, draw.Support));
        var p = Assert.Single(prior.Priors);
        Assert.Equal(("g[1..5]", "Gamma(0.5, 1)", 1e-3), (p.Target, p.Distribution, p.Weight));
        Assert.Equal("mean", prior.EvaluationRule);

        Assert.Equal(new[] { "i.u", "i.v", "f.u", "f.v" }, cells.Single(c => c.Name == "BetaLSTM").Draws.Select(d => d.Name));
        Assert.Equal("i ~ Beta(softplus(linear) + eps, softplus(linear) + eps)", cells.Single(c => c.Name == "BetaLSTM").Gates[0].Definition);
        Assert.Equal(new[] { ("p", "UnitInterval", 0.2), ("temperature", "Positive", 1.0) }, cells.Single(c => c.Name == "G2LSTM").Parameters.Select(h => (h.Name, h.Support, h.Value)));
    }

    [Fact]
    public void Writes_inferred_laws_over_source_names()
    {
        var cell = Lowered.StdlibCompilation.Cells.Single(c => c.Name == "BBetaLSTM5G");

        Assert.Equal("Beta(shape(g[1]) + shape(g[3]), shape(g[4]) + shape(g[5]))", cell.Gates[0].Law?.Text);
        Assert.Equal(new[] { "shape(g[2]) + shape(g[4])", "shape(g[3]) + shape(g[5])" }, cell.Gates[1].Law?.Parameters);
        Assert.Null(cell.Gates[2].Law);
        Assert.Equal(new GateEvaluation?[] { GateEvaluation.ExactMean, GateEvaluation.ExactMean, GateEvaluation.Deterministic, GateEvaluation.Deterministic }, cell.Gates.Select(g => g.Evaluation));
        Assert.NotNull(cell.Joint);
        Assert.Equal(new[] { "i", "f" }, cell.Joint.Gates);
        Assert.Equal("BivariateBeta5", cell.Joint.Law.Family);
        Assert.Equal(Lowered.Stdlib("BBetaLSTM5G"), cell.Ir);
    }

    [Fact]
    public void Gives_each_prior_its_KL_terms_and_their_method()
    {
        var prior = Assert.Single(Lowered.StdlibCompilation.Cells.Single(c => c.Name == "BBetaLSTM5GPrior").Priors);

        Assert.Equal(new[] { "g[1]", "g[2]", "g[3]", "g[4]", "g[5]" }, prior.Terms.Select(t => t.Target));
        Assert.Equal("Gamma(shape(g[4]), 1)", prior.Terms[3].Posterior.Text);
        Assert.Equal("Gamma(0.5, 1)", prior.Terms[3].Prior.Text);
        Assert.Equal(KlMethod.Exact, prior.Method);
    }

    [Fact]
    public void Names_the_KL_method_of_each_prior_when_a_cell_has_several()
    {
        var compilation = Lowered.Compile("""
            import "distributions.gate"
            cell C {
              gate i ~ Kumaraswamy(softplus(linear) + 0.001, 2)
              gate f ~ Kumaraswamy(softplus(linear) + 0.001, 3)
              gate o = sigmoid(linear)
              candidate = tanh(linear)
              prior i ~ Beta(1, 2) weight 0.5
              prior f ~ Kumaraswamy(1, 1)
            }
            """);
        var priors = Assert.Single(compilation.Cells).Priors;

        Assert.Equal(new[] { "i", "f" }, priors.Select(p => p.Target));
        Assert.Equal(KlMethod.Quadrature, priors[0].Method);
        Assert.Equal(KlMethod.MonteCarlo, priors[1].Method);
        Assert.Equal("Kumaraswamy(a(f), 3)", Assert.Single(priors[1].Terms).Posterior.Text);
    }

    [Fact]
    public void A_compilation_with_errors_describes_cells_without_laws()
    {
        var compilation = Compilation.FromText("import \"distributions.gate\"\ncell C {\n  gate i ~ Beta(softplus(linear), 1)\n  gate f = sigmoid(linear)\n  gate o = sigmoid(linear)\n  candidate = tanh(linear)\n}\ncell D {\n  gate i = 2\n}\n", "bad.gate");

        Assert.True(compilation.HasErrors);
        var c = compilation.Cells.Single(x => x.Name == "C");
        Assert.Null(c.Ir);
        Assert.All(c.Gates, g => Assert.Null(g.Law));
        Assert.All(c.Gates, g => Assert.Null(g.Evaluation));
    }
}
