using GateDsl.Language.Binding;
using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Compiler.Tests;

/// <summary>
/// RSample keeps the graph: gradients reach tensor arguments through primitive draws, lets, nested
/// user distributions, families and tuple binders. Exact identities where the law gives one; the
/// Gamma shape's implicit gradient against the derivative of the Beta mean with a CLT bound
/// (false-failure probability 5e-10 each, see <see cref="Moments"/>).
/// </summary>
public sealed class GradientTests
{
    [Fact]
    public void Beta_spec_gradient_estimates_the_derivative_of_its_mean()
    {
        // One shape per draw ([n]), so a.grad[i] is the pathwise derivative of draw i alone and the
        // per-draw gradients are independent: their mean estimates dE[X]/da with a CLT error.
        // Derived: resolves 0.018 per-draw sd (as the former 100,000 draws did at Z = 5.73):
        // n = (6.22 / 0.018)^2 = 119,409.
        long n = Moments.SampleSize(0.018);
        var (a0, b0) = (2.0, 3.0);
        var a = torch.full(n, a0, ScalarType.Float64).requires_grad_(true);
        var b = torch.full(n, b0, ScalarType.Float64).requires_grad_(true);
        var x = DistributionEvaluator.Seeded(71).RSample(Specs.Get("Beta"), new[] { a, b }, n)[0];
        x.sum().backward();

        // E[X] = a / (a + b): dE/da = b / (a + b)^2 = 0.12, dE/db = -a / (a + b)^2 = -0.08.
        var da = Moments.Values(a.grad!);
        var db = Moments.Values(b.grad!);
        Moments.AssertMean(da, b0 / Math.Pow(a0 + b0, 2), Moments.Variance(da), "dE[X]/da");
        Moments.AssertMean(db, -a0 / Math.Pow(a0 + b0, 2), Moments.Variance(db), "dE[X]/db");
    }

    [Fact]
    public void Let_and_value_pass_the_exact_scale_gradient()
    {
        // Scaled(a, s) = g s + 1, so d sum(x) / ds = sum(g) = sum((x - 1) / s), draw by draw.
        const long n = 10_000;
        var a = torch.tensor(3.0, ScalarType.Float64).requires_grad_(true);
        var s = torch.tensor(0.5, ScalarType.Float64).requires_grad_(true);
        var x = DistributionEvaluator.Seeded(72).RSample(Specs.Get("Scaled"), new[] { a, s }, n)[0];
        x.sum().backward();
        var expected = Moments.Values(x).Sum(v => (v - 1) / 0.5);
        Assert.Equal(expected, Moments.Scalar(s.grad!), 1e-9 * Math.Abs(expected));
        Assert.True(Moments.Scalar(a.grad!) > 0, "a larger Gamma shape gives larger draws");
    }

    [Fact]
    public void Location_gradient_of_a_normal_draw_is_exact()
    {
        // x = ((z - m) / sd)^2 with z = m + sd e does not depend on m: its gradient is exactly 0,
        // while d sum(x) / d sd = 0 too for the same reason. A Normal value itself has dz/dm = 1.
        const long n = 1_000;
        var m = torch.tensor(3.0, ScalarType.Float64).requires_grad_(true);
        var sd = torch.tensor(0.5, ScalarType.Float64).requires_grad_(true);
        var x = DistributionEvaluator.Seeded(73).RSample(Specs.Get("ChiSquare1"), new[] { m, sd }, n)[0];
        x.sum().backward();
        Assert.Equal(0.0, Moments.Scalar(m.grad!), 1e-9);
        Assert.Equal(0.0, Moments.Scalar(sd.grad!), 1e-9);

        var mu = torch.tensor(1.0, ScalarType.Float64).requires_grad_(true);
        var z = DistributionEvaluator.Seeded(74).RSample(PrimitiveDistribution.Normal, new[] { mu }, n)[0];
        z.sum().backward();
        Assert.Equal(n, Moments.Scalar(mu.grad!), 1e-9);
    }

    [Fact]
    public void Gradients_reach_every_shape_of_a_joint_law_through_a_family_and_a_tuple()
    {
        const long n = 5_000;
        var shapes = Enumerable.Range(1, 5).Select(k => torch.tensor(0.5 * k, ScalarType.Float32).requires_grad_(true)).ToArray();
        var xy = DistributionEvaluator.Seeded(75).RSample(Specs.Get("BivariateBeta5"), shapes, n);
        Assert.All(xy, v => Assert.Equal(ScalarType.Float64, v.dtype)); // float32 arguments are promoted inside the graph
        (xy[0].sum() + xy[1].sum()).backward();
        Assert.All(shapes, t => Assert.True(t.grad is { } g && double.IsFinite(Moments.Scalar(g)) && Moments.Scalar(g) != 0));

        var c = torch.tensor(1.5, ScalarType.Float64).requires_grad_(true);
        var abc = new[] { torch.tensor(2.0, ScalarType.Float64), torch.tensor(3.0, ScalarType.Float64), c };
        var swapped = DistributionEvaluator.Seeded(76).RSample(Specs.Get("Swapped"), abc, n);
        swapped[1].sum().backward();

        // X ~ Beta(a, c): a larger c lowers X, so the gradient must be negative.
        Assert.True(Moments.Scalar(c.grad!) < 0);
    }

    [Fact]
    public void HalfSum_family_members_share_the_shape_gradient()
    {
        var a = torch.tensor(2.0, ScalarType.Float64).requires_grad_(true);
        var x = DistributionEvaluator.Seeded(77).RSample(Specs.Get("HalfSum"), new[] { a }, 1_000)[0];
        x.sum().backward();
        Assert.True(Moments.Scalar(a.grad!) > 0);
    }

    [Fact]
    public void Sample_is_outside_the_graph_and_Bernoulli_never_carries_a_gradient()
    {
        var x = DistributionEvaluator.Seeded(78).Sample(Specs.Get("Beta"), new[] { 2.0, 3.0 }, 10)[0];
        Assert.False(x.requires_grad);

        var p = torch.tensor(0.3, ScalarType.Float64).requires_grad_(true);
        var flips = DistributionEvaluator.Seeded(79).RSample(PrimitiveDistribution.Bernoulli, new[] { p }, 10)[0];
        Assert.False(flips.requires_grad);
    }
}
