using GateDsl.Compiler.Ir;
using static GateDsl.Compiler.Tests.Lowering.IrFind;

namespace GateDsl.Compiler.Tests.Lowering;

/// <summary>
/// Law inference on cells a user writes by hand: Gamma ratios are Betas, the Olkin-Liu and
/// five-Gamma patterns are their joint laws, however the sums are ordered; and what the rules do
/// not cover (a shape that depends on a draw, different rates, a draw counted twice) stays unknown.
/// In each cell head k is the k-th <c>linear</c>, so draw shapes are <see cref="IrFind.Shape"/>.
/// </summary>
public sealed class UserLawInferenceTests
{
    [Fact]
    public void A_Gamma_ratio_written_by_hand_is_a_Beta()
    {
        var cell = Lowered.WithGates("""
              draw u ~ Gamma(softplus(linear) + eps)
              draw v ~ Gamma(softplus(linear) + eps)
              gate i = u / (v + u)
              gate f = 1 - i
            """);
        var p = cell.Training;

        Assert.Equal(Law(LawFamily.Beta, Shape(p, 0), Shape(p, 1)), cell.Gate("i").Law);
        // 1 - X with X ~ Beta(a, b) is Beta(b, a).
        Assert.Equal(Law(LawFamily.Beta, Shape(p, 1), Shape(p, 0)), cell.Gate("f").Law);
        Assert.Null(cell.Gate("i").Joint);
    }

    [Fact]
    public void A_ratio_of_Gamma_sums_with_a_common_rate_is_a_Beta_of_shape_sums()
    {
        var cell = Lowered.WithGates("""
              draw u ~ Gamma(softplus(linear) + eps, 2)
              draw v ~ Gamma(softplus(linear) + eps, 2)
              draw w ~ Gamma(softplus(linear) + eps, 2)
              gate i = (u + v) / (w + u + v)
              gate f = sigmoid(linear)
            """);
        var p = cell.Training;

        Assert.Equal(Law(LawFamily.Beta, Add(p, Shape(p, 0), Shape(p, 1)), Shape(p, 2)), cell.Gate("i").Law);
    }

    [Fact]
    public void The_Olkin_Liu_pattern_written_by_hand_is_BivariateBeta()
    {
        var cell = Lowered.WithGates("""
              draw w ~ Gamma(softplus(linear) + eps)
              draw u ~ Gamma(softplus(linear) + eps)
              draw v ~ Gamma(softplus(linear) + eps)
              gate i = u / (u + w)
              gate f = v / (w + v)
            """);
        var p = cell.Training;
        var (w, u, v) = (Shape(p, 0), Shape(p, 1), Shape(p, 2));
        var pair = Law(LawFamily.BivariateBeta, u, v, w);

        Assert.Equal(new IrJoint(pair, 0, "f"), cell.Gate("i").Joint);
        Assert.Equal(new IrJoint(pair, 1, "i"), cell.Gate("f").Joint);
        Assert.Equal(Law(LawFamily.Beta, u, w), cell.Gate("i").Law);
        Assert.Equal(Law(LawFamily.Beta, v, w), cell.Gate("f").Law);
    }

    [Fact]
    public void The_five_Gamma_pattern_written_by_hand_in_any_order_is_BivariateBeta5()
    {
        // a: X's numerator only; b: Y's only; c: X up, Y down; d: Y up, X down; e: both denominators.
        var cell = Lowered.WithGates("""
              draw e ~ Gamma(softplus(linear) + eps)
              draw c ~ Gamma(softplus(linear) + eps)
              draw a ~ Gamma(softplus(linear) + eps)
              draw d ~ Gamma(softplus(linear) + eps)
              draw b ~ Gamma(softplus(linear) + eps)
              gate i = (c + a) / (e + d + a + c)
              gate f = (b + d) / (c + b + e + d)
            """);
        var p = cell.Training;
        var (e, c, a, d, b) = (Shape(p, 0), Shape(p, 1), Shape(p, 2), Shape(p, 3), Shape(p, 4));

        Assert.Equal(new IrJoint(Law(LawFamily.BivariateBeta5, a, b, c, d, e), 0, "f"), cell.Gate("i").Joint);
        Assert.Equal(Law(LawFamily.Beta, Add(p, a, c), Add(p, d, e)), cell.Gate("i").Law);
        Assert.Equal(Law(LawFamily.Beta, Add(p, b, d), Add(p, c, e)), cell.Gate("f").Law);
    }

    [Fact]
    public void A_Gamma_whose_shape_depends_on_another_draw_makes_the_law_unknown()
    {
        var cell = Lowered.WithGates("""
              draw u ~ Gamma(softplus(linear) + eps)
              draw v ~ Gamma(u + eps)
              gate i = u / (u + v)
              gate f = sigmoid(linear)
            """);

        Assert.True(cell.Gate("i").IsStochastic);
        Assert.Null(cell.Gate("i").Law);
        Assert.Equal(GateEvaluation.PlugInMean, cell.Gate("i").Evaluation);
    }

    [Fact]
    public void Gammas_with_different_rates_make_the_law_unknown()
    {
        var cell = Lowered.WithGates("""
              draw u ~ Gamma(softplus(linear) + eps, 1)
              draw v ~ Gamma(softplus(linear) + eps, 2)
              gate i = u / (u + v)
              gate f = sigmoid(linear)
            """);

        Assert.True(cell.Gate("i").IsStochastic);
        Assert.Null(cell.Gate("i").Law);
    }

    [Fact]
    public void A_draw_counted_twice_makes_the_law_unknown()
    {
        var cell = Lowered.WithGates("""
              draw u ~ Gamma(softplus(linear) + eps)
              draw v ~ Gamma(softplus(linear) + eps)
              gate i = u / (u + u + v)
              gate f = (u + v) / (u + v + u)
            """);

        Assert.Null(cell.Gate("i").Law);
        Assert.Null(cell.Gate("f").Law);
        Assert.Null(cell.Gate("i").Joint);
    }

    [Fact]
    public void Ratios_sharing_a_numerator_draw_are_Betas_but_no_registered_pair()
    {
        // u is in both numerators: neither Olkin-Liu nor five-Gamma.
        var cell = Lowered.WithGates("""
              draw u ~ Gamma(softplus(linear) + eps)
              draw v ~ Gamma(softplus(linear) + eps)
              draw w ~ Gamma(softplus(linear) + eps)
              gate i = u / (u + v)
              gate f = u / (u + w)
            """);
        var p = cell.Training;

        Assert.Equal(Law(LawFamily.Beta, Shape(p, 0), Shape(p, 1)), cell.Gate("i").Law);
        Assert.Equal(Law(LawFamily.Beta, Shape(p, 0), Shape(p, 2)), cell.Gate("f").Law);
        Assert.Null(cell.Gate("i").Joint);
        Assert.Null(cell.Gate("f").Joint);
    }
}
