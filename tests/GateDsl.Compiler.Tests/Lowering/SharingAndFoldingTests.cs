using GateDsl.Compiler.Ir;
using GateDsl.Language.Binding;
using GateDsl.Language.Syntax;
using static GateDsl.Compiler.Tests.Lowering.IrFind;

namespace GateDsl.Compiler.Tests.Lowering;

/// <summary>Common subexpressions computed once, dead draws removed, constants and hyperparameters folded.</summary>
public sealed class SharingAndFoldingTests
{
    public static IEnumerable<object[]> StdlibCells() =>
        Lowered.StdlibCompilation.IrCells.Select(c => new object[] { c.Name });

    [Fact]
    public void The_5G_training_step_forms_each_gate_as_one_ratio_over_the_draws()
    {
        // i = (g1 + g3) / (g1 + g3 + g4 + g5) is one IrRatio, formed from the draws' logarithms:
        // the sum g1 + g3 is no instruction of its own, and no draw is read twice by a ratio.
        var p = Lowered.Stdlib("BBetaLSTM5G").Training;
        var g = Enumerable.Range(1, 5).Select(k => Named(p, $"g[{k}]")).ToArray();

        var i = Assert.IsType<IrRatio>(p.Nodes[p.Slots.InputGate]);
        Assert.Equal(new[] { g[0], g[2] }.Order(), i.Numerator.Order());
        Assert.Equal(new[] { g[3], g[4] }.Order(), i.Rest.Order());
        var f = Assert.IsType<IrRatio>(p.Nodes[p.Slots.ForgetGate]);
        Assert.Equal(new[] { g[1], g[3] }.Order(), f.Numerator.Order());
        Assert.Equal(new[] { g[2], g[4] }.Order(), f.Rest.Order());
        Assert.DoesNotContain(p.Nodes, n => n is IrBinary { Operator: BinaryOperator.Add } b && g.Contains(b.Left));
    }

    [Fact]
    public void The_5G_cells_compute_a1_plus_a3_once_for_the_law_and_the_evaluation_steps_numerator_and_denominator()
    {
        var cell = Lowered.Stdlib("BBetaLSTM5G");

        // Training: the law parameter shape(g[1]) + shape(g[3]) is one instruction.
        var t = cell.Training;
        var sum13 = Add(t, Shape(t, 0), Shape(t, 2));
        Assert.Single(t.Nodes, n => n == t.Nodes[sum13]);
        Assert.Equal(sum13, cell.Gate("i").Law!.Parameters[0]);

        // Evaluation: i = (a1 + a3) / (a1 + a3 + a4 + a5) reads the one a1 + a3 twice.
        var e = cell.Evaluation;
        var a = Enumerable.Range(0, 5).Select(k => Shape(e, k)).ToArray();
        var numerator = Add(e, a[0], a[2]);
        var i = Assert.IsType<IrBinary>(e.Nodes[e.Slots.InputGate]);
        Assert.Equal((BinaryOperator.Divide, numerator), (i.Operator, i.Left));
        Assert.Equal(new[] { numerator, a[3], a[4] }.Order(), Summands(e, i.Right, numerator, a[3], a[4]).Order());
    }

    [Theory]
    [MemberData(nameof(StdlibCells))]
    public void No_stdlib_program_holds_two_equal_instructions(string name)
    {
        var cell = Lowered.Stdlib(name);

        foreach (var program in new[] { cell.Training, cell.Evaluation })
        {
            Assert.Equal(program.Nodes.Length, program.Nodes.Distinct().Count());
        }
    }

    [Fact]
    public void A_draw_no_gate_or_prior_reads_is_removed_and_draw_ids_stay_dense()
    {
        var cell = Lowered.WithGates("""
              draw z ~ Normal(linear, 1)
              draw u ~ Gamma(softplus(linear) + eps)
              draw v ~ Gamma(softplus(linear) + eps)
              gate i = u / (u + v)
              gate f = sigmoid(linear)
            """);
        var p = cell.Training;

        Assert.DoesNotContain(p.Draws, d => d.Law == PrimitiveKind.Normal);
        Assert.Equal(new[] { 0, 1 }, p.Draws.Select(d => d.Id));
        Assert.Equal(Law(LawFamily.Beta, Shape(p, 1), Shape(p, 2)), cell.Gate("i").Law);

        // The removed draw's head is still a head: K counts it (its rows get no gradient), and the
        // program no longer reads it.
        Assert.Equal(6, cell.HeadCount);
        Assert.DoesNotContain(new IrHead(0), p.Nodes);
    }

    [Fact]
    public void A_draw_a_user_distribution_makes_but_never_uses_is_removed()
    {
        var cell = Lowered.Cell("""
            distribution Wasteful(a: Positive, b: Positive) {
              draw u ~ Gamma(a)
              draw v ~ Gamma(b)
              draw spare ~ Uniform()
              value u / (u + v)
            }
            cell C {
              gate i ~ Wasteful(softplus(linear) + 0.001, softplus(linear) + 0.001)
              gate f = sigmoid(linear)
              gate o = sigmoid(linear)
              candidate = tanh(linear)
            }
            """);
        var p = cell.Training;

        Assert.All(p.Draws, d => Assert.Equal(PrimitiveKind.Gamma, d.Law));
        Assert.Equal(2, p.Draws.Count());
        Assert.Equal(Law(LawFamily.Beta, Shape(p, 0), Shape(p, 1)), cell.Gate("i").Law);
    }

    [Fact]
    public void Constants_and_hyperparameters_fold_into_one_number()
    {
        const string Spec = """
            cell C(k: Positive = 2) {
              const half = 0.5
              draw u ~ Gamma(softplus(linear) + (half * k + 0.25) * 2)
              draw v ~ Gamma(exp(log(k)))
              gate i = u / (u + v)
              gate f = sigmoid(linear / k)
              gate o = sigmoid(linear)
              candidate = tanh(linear)
            }
            """;
        var compilation = Lowered.Compile(Spec);
        var byDefault = Assert.Single(compilation.IrCells).Training;
        var given = compilation.Lower("C", new Dictionary<string, double> { ["k"] = 4 }, out var diagnostics)!.Training;
        Assert.Empty(diagnostics);

        foreach (var (p, k) in new[] { (byDefault, 2.0), (given, 4.0) })
        {
            var softplus = Index(p, new IrLink(BuiltinFunction.Softplus, Head(p, 0)));
            var shapeU = Index(p, Binary(p, BinaryOperator.Add, softplus, Constant(p, (0.5 * k + 0.25) * 2)));
            Assert.Equal(new[] { shapeU, Constant(p, 1) }, Draw(p, "u").Arguments);
            Assert.Equal(new[] { Constant(p, Math.Exp(Math.Log(k))), Constant(p, 1) }, Draw(p, "v").Arguments);
            Assert.Equal(Index(p, new IrLink(BuiltinFunction.Sigmoid, Index(p, new IrBinary(BinaryOperator.Divide, Head(p, 1), Constant(p, k))))), p.Slots.ForgetGate);

            // The parts of the folded numbers are gone: no 0.5, 0.25 or 1.25 is computed at run time.
            Assert.DoesNotContain(p.Nodes, n => n is IrConstant { Value: 0.5 or 0.25 or 1.25 or 2.25 });
        }
    }

    [Fact]
    public void G2LSTM_folds_its_hyperparameters_into_the_draws_and_the_division()
    {
        var compilation = Lowered.StdlibCompilation;
        var byDefault = Lowered.Stdlib("G2LSTM").Training;
        var given = compilation.Lower("G2LSTM", new Dictionary<string, double> { ["p"] = 0.5, ["temperature"] = 0.9 }, out _)!.Training;

        // temperature = 1 divides by 1, which lowering drops; 0.9 stays a constant operand.
        Assert.DoesNotContain(byDefault.Nodes, n => n is IrBinary { Operator: BinaryOperator.Divide });
        Assert.Equal(new[] { Constant(byDefault, 0.2) }, Draw(byDefault, "use_i").Arguments);
        Assert.Equal(new[] { Constant(given, 0.5) }, Draw(given, "use_i").Arguments);
        var i = Assert.IsType<IrLink>(given.Nodes[given.Slots.InputGate]);
        var scaled = Assert.IsType<IrBinary>(given.Nodes[i.Operand]);
        Assert.Equal((BinaryOperator.Divide, Constant(given, 0.9)), (scaled.Operator, scaled.Right));
    }
}
