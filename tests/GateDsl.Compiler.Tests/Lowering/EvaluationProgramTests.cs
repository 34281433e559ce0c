using GateDsl.Compiler.Ir;
using GateDsl.Language.Binding;
using GateDsl.Language.Syntax;
using static GateDsl.Compiler.Tests.Lowering.IrFind;

namespace GateDsl.Compiler.Tests.Lowering;

/// <summary>What an evaluation step computes: the law's exact mean where it is known, the plug-in rule otherwise.</summary>
public sealed class EvaluationProgramTests
{
    [Fact]
    public void CIFG_computes_f_as_one_minus_i_in_both_steps()
    {
        var cell = Lowered.Stdlib("CIFG");

        foreach (var p in new[] { cell.Training, cell.Evaluation })
        {
            Assert.Equal(Index(p, new IrLink(BuiltinFunction.Sigmoid, Head(p, 0))), p.Slots.InputGate);
            Assert.Equal(Index(p, new IrBinary(BinaryOperator.Subtract, Constant(p, 1), p.Slots.InputGate)), p.Slots.ForgetGate);
        }

        Assert.Equal(3, cell.HeadCount);
    }

    [Fact]
    public void G2LSTM_evaluates_without_draws_as_sigmoid_gates()
    {
        // Plug-in: E[use] E[noise] = p * 0, so the noise term folds away.
        var cell = Lowered.Stdlib("G2LSTM");
        var p = cell.Evaluation;

        Assert.False(p.IsStochastic);
        Assert.Equal(Index(p, new IrLink(BuiltinFunction.Sigmoid, Head(p, 0))), p.Slots.InputGate);
        Assert.Equal(Index(p, new IrLink(BuiltinFunction.Sigmoid, Head(p, 1))), p.Slots.ForgetGate);
        Assert.True(cell.Training.IsStochastic);
    }

    [Fact]
    public void G2LSTM_with_a_temperature_evaluates_sigmoid_of_the_head_over_it()
    {
        var cell = Lowered.StdlibCompilation.Lower("G2LSTM", new Dictionary<string, double> { ["temperature"] = 0.9 }, out _)!;
        var p = cell.Evaluation;

        Assert.False(p.IsStochastic);
        Assert.Equal(Index(p, new IrLink(BuiltinFunction.Sigmoid, Index(p, new IrBinary(BinaryOperator.Divide, Head(p, 0), Constant(p, 0.9))))), p.Slots.InputGate);
    }

    [Fact]
    public void KumaraswamyLSTM_evaluates_each_gate_by_its_laws_exact_mean()
    {
        // Replacing the uniform draw by its mean 1/2 would give the median, not the mean.
        var cell = Lowered.Stdlib("KumaraswamyLSTM");
        var p = cell.Evaluation;

        Assert.False(p.IsStochastic);
        Assert.Equal(Index(p, new IrMoment(MomentKind.Mean, Law(LawFamily.Kumaraswamy, Shape(p, 0), Shape(p, 1)), 0)), p.Slots.InputGate);
        Assert.Equal(Index(p, new IrMoment(MomentKind.Mean, Law(LawFamily.Kumaraswamy, Shape(p, 2), Shape(p, 3)), 0)), p.Slots.ForgetGate);
        Assert.Equal(GateEvaluation.ExactMean, cell.Gate("i").Evaluation);
    }

    [Fact]
    public void The_5G_cell_evaluates_the_Beta_mean_by_plugging_in_the_shapes()
    {
        // E[(G1 + G3) / (G1 + G3 + G4 + G5)] = (a1 + a3) / (a1 + a3 + a4 + a5): the plug-in is exact.
        var cell = Lowered.Stdlib("BBetaLSTM5G");
        var p = cell.Evaluation;
        var a = Enumerable.Range(0, 5).Select(k => Shape(p, k)).ToArray();
        var numerator = Add(p, a[0], a[2]);
        var i = Assert.IsType<IrBinary>(p.Nodes[p.Slots.InputGate]);

        Assert.False(p.IsStochastic);
        Assert.Equal((BinaryOperator.Divide, numerator), (i.Operator, i.Left));
        Assert.Equal(new[] { numerator, a[3], a[4] }.Order(), Summands(p, i.Right, numerator, a[3], a[4]).Order());
        Assert.Equal(GateEvaluation.ExactMean, cell.Gate("i").Evaluation);
        Assert.DoesNotContain(p.Nodes, n => n is IrMoment);
    }

    [Fact]
    public void Evaluate_mode_takes_a_known_laws_mode()
    {
        var cell = Lowered.WithGates("""
              draw u ~ Gamma(softplus(linear) + eps)
              draw v ~ Gamma(softplus(linear) + eps)
              gate i = u / (u + v)
              gate f = sigmoid(linear)
              evaluate mode
            """);
        var p = cell.Evaluation;

        Assert.Equal(Index(p, new IrMoment(MomentKind.Mode, Law(LawFamily.Beta, Shape(p, 0), Shape(p, 1)), 0)), p.Slots.InputGate);
        Assert.Equal(GateEvaluation.ExactMode, cell.Gate("i").Evaluation);
    }

    [Fact]
    public void Evaluate_sample_runs_the_training_step()
    {
        var cell = Lowered.WithGates("""
              draw u ~ Gamma(softplus(linear) + eps)
              draw v ~ Gamma(softplus(linear) + eps)
              gate i = u / (u + v)
              gate f = sigmoid(linear)
              evaluate sample
            """);

        Assert.Same(cell.Training, cell.Evaluation);
        Assert.Equal(GateEvaluation.Sampled, cell.Gate("i").Evaluation);
        Assert.Equal(GateEvaluation.Deterministic, cell.Gate("f").Evaluation);
    }
}
