using GateDsl.Compiler.Ir;
using static GateDsl.Compiler.Tests.Lowering.IrFind;

namespace GateDsl.Compiler.Tests.Lowering;

/// <summary>
/// A standard-library distribution is its registered law by declaration (the stdlib file declares
/// it), never by name; and one call of a joint law makes a pair, two calls do not.
/// </summary>
public sealed class RegisteredLawTests
{
    [Fact]
    public void Two_calls_of_a_joint_law_with_equal_arguments_are_independent_not_a_pair()
    {
        // x1 and y2 come from two independent Olkin-Liu pairs: independent Betas, no joint law.
        var cell = Lowered.WithGates("""
              let a = softplus(linear) + eps
              draw (x1, y1) ~ BivariateBeta(a, a, a)
              draw (x2, y2) ~ BivariateBeta(a, a, a)
              gate i = x1
              gate f = y2
            """);
        var p = cell.Training;
        var a = Shape(p, 0);

        Assert.Null(cell.Gate("i").Joint);
        Assert.Null(cell.Gate("f").Joint);
        Assert.Equal(Law(LawFamily.Beta, a, a), cell.Gate("i").Law);
        Assert.Equal(Law(LawFamily.Beta, a, a), cell.Gate("f").Law);
    }

    [Fact]
    public void One_call_of_a_joint_law_is_its_pair()
    {
        var cell = Lowered.WithGates("""
              let a = softplus(linear) + eps
              let b = softplus(linear) + eps
              let c = softplus(linear) + eps
              draw (x, y) ~ BivariateBeta(a, b, c)
              gate i = y
              gate f = x
            """);
        var p = cell.Training;
        var (a, b, c) = (Shape(p, 0), Shape(p, 1), Shape(p, 2));
        var law = Law(LawFamily.BivariateBeta, a, b, c);

        // i is the pair's Y, so component 1; f its X.
        Assert.Equal(new IrJoint(law, 1, "f"), cell.Gate("i").Joint);
        Assert.Equal(new IrJoint(law, 0, "i"), cell.Gate("f").Joint);
        Assert.Equal(Law(LawFamily.Beta, b, c), cell.Gate("i").Law);
        Assert.Equal(Law(LawFamily.Beta, a, c), cell.Gate("f").Law);
    }

    [Fact]
    public void A_user_distribution_named_like_a_stdlib_law_is_inlined_not_taken_for_it()
    {
        // The user's Kumaraswamy is the stdlib's body with a and b swapped: not the registered law,
        // and nothing else recognises an inverse-CDF transform, so its law is unknown and evaluation
        // is the plug-in (the median of the stdlib law, were it that law).
        var cell = Lowered.Cell("""
            distribution Kumaraswamy(a: Positive, b: Positive) {
              draw u ~ Uniform()
              value (1 - (1 - u) ^ (1 / a)) ^ (1 / b)
            }
            cell C {
              gate i ~ Kumaraswamy(softplus(linear) + 0.001, softplus(linear) + 0.001)
              gate f = sigmoid(linear)
              gate o = sigmoid(linear)
              candidate = tanh(linear)
              evaluate mean
            }
            """);

        Assert.True(cell.Gate("i").IsStochastic);
        Assert.Null(cell.Gate("i").Law);
        Assert.Equal(GateEvaluation.PlugInMean, cell.Gate("i").Evaluation);
        Assert.DoesNotContain(cell.Evaluation.Nodes, n => n is IrMoment);
    }

    [Fact]
    public void A_user_Beta_that_is_no_Gamma_ratio_is_not_taken_for_the_registered_Beta()
    {
        // u / (u + v + v) counts v twice: no Beta, whatever the distribution is called.
        var cell = Lowered.Cell("""
            distribution Beta(a: Positive, b: Positive) {
              draw u ~ Gamma(a)
              draw v ~ Gamma(b)
              value u / (u + v + v)
            }
            cell C {
              gate i ~ Beta(softplus(linear) + 0.001, softplus(linear) + 0.001)
              gate f = sigmoid(linear)
              gate o = sigmoid(linear)
              candidate = tanh(linear)
            }
            """);

        Assert.True(cell.Gate("i").IsStochastic);
        Assert.Null(cell.Gate("i").Law);
    }

    [Fact]
    public void The_stdlib_Kumaraswamy_is_its_registered_law_by_declaration()
    {
        var cell = Lowered.Stdlib("KumaraswamyLSTM");
        var p = cell.Training;

        Assert.Equal(Law(LawFamily.Kumaraswamy, Shape(p, 0), Shape(p, 1)), cell.Gate("i").Law);
        Assert.Equal(Law(LawFamily.Kumaraswamy, Shape(p, 2), Shape(p, 3)), cell.Gate("f").Law);
    }
}
