using GateDsl.Compiler.Ir;
using GateDsl.Distributions;
using static GateDsl.Compiler.Tests.Lowering.IrFind;

namespace GateDsl.Compiler.Tests.Lowering;

/// <summary>
/// The laws lowering infers for the standard cells, stated as IR instructions: head k's Gamma
/// shape is the instruction softplus(head k) + 1e-3, and a law's parameters must be exactly those
/// instructions or their sums (PAPER.md: 3G i ~ Beta(a1, a2), f ~ Beta(a0, a2); 5G i ~ Beta(a1 + a3,
/// a4 + a5), f ~ Beta(a2 + a4, a3 + a5)).
/// </summary>
public sealed class StdlibLawInferenceTests
{
    [Theory]
    [InlineData("LSTM")]
    [InlineData("CIFG")]
    public void Deterministic_cells_have_deterministic_gates_and_no_draws(string name)
    {
        var cell = Lowered.Stdlib(name);

        Assert.NotEmpty(cell.Gates);
        Assert.All(cell.Gates, g => Assert.Equal((false, (IrLaw?)null, (IrJoint?)null, GateEvaluation.Deterministic), (g.IsStochastic, g.Law, g.Joint, g.Evaluation)));
        Assert.False(cell.Training.IsStochastic);
    }

    [Fact]
    public void BetaLSTM_has_independent_Beta_gates_over_their_own_heads()
    {
        var cell = Lowered.Stdlib("BetaLSTM");
        var p = cell.Training;

        Assert.Equal(Law(LawFamily.Beta, Shape(p, 0), Shape(p, 1)), cell.Gate("i").Law);
        Assert.Equal(Law(LawFamily.Beta, Shape(p, 2), Shape(p, 3)), cell.Gate("f").Law);
        Assert.Null(cell.Gate("i").Joint);
        Assert.Null(cell.Gate("f").Joint);
    }

    [Fact]
    public void BBetaLSTM_is_the_Olkin_Liu_pair_with_Beta_marginals()
    {
        // let a0, a1, a2 are heads 0, 1, 2; (i, f) ~ BivariateBeta(a1, a0, a2).
        var cell = Lowered.Stdlib("BBetaLSTM");
        var p = cell.Training;
        var (a0, a1, a2) = (Shape(p, 0), Shape(p, 1), Shape(p, 2));
        var pair = Law(LawFamily.BivariateBeta, a1, a0, a2);

        Assert.Equal(Law(LawFamily.Beta, a1, a2), cell.Gate("i").Law);
        Assert.Equal(Law(LawFamily.Beta, a0, a2), cell.Gate("f").Law);
        Assert.Equal(new IrJoint(pair, 0, "f"), cell.Gate("i").Joint);
        Assert.Equal(new IrJoint(pair, 1, "i"), cell.Gate("f").Joint);
    }

    [Theory]
    [InlineData("BBetaLSTM5G")]
    [InlineData("BBetaLSTM5GPrior")]
    public void The_five_Gamma_cells_have_Beta_marginals_of_shape_sums_and_the_BivariateBeta5_pair(string name)
    {
        var cell = Lowered.Stdlib(name);
        var p = cell.Training;
        var a = Enumerable.Range(0, 5).Select(k => Shape(p, k)).ToArray();
        var pair = Law(LawFamily.BivariateBeta5, a);

        Assert.Equal(Law(LawFamily.Beta, Add(p, a[0], a[2]), Add(p, a[3], a[4])), cell.Gate("i").Law);
        Assert.Equal(Law(LawFamily.Beta, Add(p, a[1], a[3]), Add(p, a[2], a[4])), cell.Gate("f").Law);
        Assert.Equal(new IrJoint(pair, 0, "f"), cell.Gate("i").Joint);
        Assert.Equal(new IrJoint(pair, 1, "i"), cell.Gate("f").Joint);

        // Each draw g[k] is Gamma(shape of head k-1, rate 1).
        for (var k = 0; k < 5; k++)
        {
            Assert.Equal(new[] { a[k], Constant(p, 1) }, Draw(p, $"g[{k + 1}]").Arguments);
        }
    }

    [Fact]
    public void G2LSTM_gates_are_stochastic_with_unknown_laws()
    {
        var cell = Lowered.Stdlib("G2LSTM");

        Assert.All(new[] { cell.Gate("i"), cell.Gate("f") }, g => Assert.Equal((true, (IrLaw?)null, (IrJoint?)null, GateEvaluation.PlugInMean), (g.IsStochastic, g.Law, g.Joint, g.Evaluation)));
    }

    [Theory]
    [InlineData("BetaLSTM")]
    [InlineData("BBetaLSTM")]
    [InlineData("BBetaLSTM5G")]
    [InlineData("BBetaLSTM5GPrior")]
    [InlineData("KumaraswamyLSTM")]
    [InlineData("G2LSTM")]
    public void Output_gate_and_candidate_stay_deterministic(string name)
    {
        var cell = Lowered.Stdlib(name);
        var p = cell.Training;
        var k = cell.HeadCount;

        Assert.Equal(Index(p, new IrLink(Language.Binding.BuiltinFunction.Sigmoid, Head(p, k - 2))), p.Slots.OutputGate);
        Assert.Equal(Index(p, new IrLink(Language.Binding.BuiltinFunction.Tanh, Head(p, k - 1))), p.Slots.Candidate);
        Assert.False(cell.Gate("o").IsStochastic);
        Assert.False(cell.Gate("candidate").IsStochastic);
    }

    [Fact]
    public void BBetaLSTM5GPrior_has_one_closed_form_KL_term_per_Gamma()
    {
        var cell = Lowered.Stdlib("BBetaLSTM5GPrior");
        var p = cell.Training;
        var prior = Law(LawFamily.Gamma, Constant(p, 0.5), Constant(p, 1));

        var expected = Enumerable.Range(0, 5)
            .Select(k => new IrKlTerm($"g[{k + 1}]", 1e-3, Law(LawFamily.Gamma, Shape(p, k), Constant(p, 1)), prior, KlMethod.Exact));
        Assert.Equal(expected, p.KlTerms);
        Assert.Empty(Lowered.Stdlib("BBetaLSTM5G").Training.KlTerms);
    }
}
