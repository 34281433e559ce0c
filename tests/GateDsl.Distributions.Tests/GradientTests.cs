using TorchSharp;
using static TorchSharp.torch;
using static GateDsl.Distributions.Tests.TestTensors;

namespace GateDsl.Distributions.Tests;

/// <summary>Every reparameterized draw carries a pathwise gradient to every parameter; the mean-gradient
/// checks are CLT checks at 3e-10 each, registered as they run.</summary>
public sealed class GradientTests
{
    /// <summary>Draws per mean-gradient check: the former 5 standard errors at 20,000 draws (0.0354 sd) kept at Z = 6.30.</summary>
    private static readonly int MeanDraws = TestBudget.CltSize(5.0 / Math.Sqrt(20_000));

    [Theory]
    [MemberData(nameof(Catalogue.NamesAndParameters), MemberType = typeof(Catalogue))]
    public void DrawGradientReachesEveryParameter(string name, int parameter)
    {
        foreach (var dtype in new[] { ScalarType.Float32, ScalarType.Float64 })
        {
            var entry = Catalogue.Get(name);
            // 64 copies of each parameter and one draw per copy, so the gradient holds the 64 per-draw
            // gradients. (With scalar parameters and 64 draws it would be their float32 sum, exactly 0
            // with a probability estimated at order 1e-8 for a zero-mean gradient such as Normal's
            // dX/dsigma: density of the sum at 0, about 0.05, times the float32 spacing of partial sums
            // near 4, about 5e-7. That is comparable to this project's whole budget; 64 per-draw
            // gradients all exactly 0 is below 1e-100.)
            var leaves = entry.Values.Select(v => Leaf(Enumerable.Repeat(v, 64).ToArray(), dtype)).ToArray();
            var d = entry.Create(leaves);
            using var g = Seeded(11);
            entry.DrawLoss(d, null, g).backward();
            var grad = leaves[parameter].grad;
            Assert.NotNull(grad);
            var values = Values(grad!);
            Assert.Equal(64, values.Length);
            Assert.True(values.All(double.IsFinite), $"{name}.{entry.Parameters[parameter]} ({dtype}): gradients {string.Join(", ", values)}");
            Assert.Contains(values, v => v != 0.0);
        }
    }

    [Fact]
    public void BivariateBetaPairDeconstructsAndBackpropagatesToAllThreeShapes()
    {
        var (a, b, c) = (Leaf(2.0), Leaf(3.0), Leaf(1.5));
        using var g = Seeded(3);
        var (i, f) = new BivariateBeta(a, b, c).RSample([16], g);
        var loss = (i * f).sum();
        loss.backward();
        foreach (var p in new[] { a, b, c })
        {
            Assert.True(AllFinite(p.grad!));
            Assert.NotEqual(0.0, Scalar(p.grad!));
        }
    }

    /// <summary>
    /// E[G] = a for G ~ Gamma(a, 1), so the mean over draws of dG/da estimates d E[G]/da = 1.
    /// Bound: Z = 6.30 standard errors of that mean, with the standard error estimated from the same
    /// draws (CLT); two-sided false-failure probability 3e-10 per shape (nominal). 31,740 draws (see
    /// <see cref="MeanDraws"/>). Seed fixed.
    /// </summary>
    [Theory]
    [InlineData(0.3)]
    [InlineData(1.0)]
    [InlineData(4.0)]
    public void GammaPathwiseGradientHasMeanOne(double shape)
    {
        var n = MeanDraws;
        var a = torch.full([n], shape, ScalarType.Float64).requires_grad_(true);
        using var g = Seeded(2024);
        var x = new Gamma(a, Const(1.0)).RSample(null, g);
        x.sum().backward();
        var grads = a.grad!;
        var mean = Scalar(grads.mean());
        var se = Scalar(grads.std()) / Math.Sqrt(n);
        TestBudget.Check(Math.Abs(mean - 1.0) < TestBudget.Z * se, $"mean gradient, Gamma shape {shape}: mean dG/da = {mean}, bound {TestBudget.Z * se}");
    }

    /// <summary>
    /// Beta pathwise gradient against the exact derivative of the mean: d/da E[X] = b / (a+b)^2.
    /// Same CLT bound (Z = 6.30 standard errors, 3e-10) and size.
    /// </summary>
    [Fact]
    public void BetaPathwiseGradientMatchesDerivativeOfMean()
    {
        var n = MeanDraws;
        var a = torch.full([n], 0.5, ScalarType.Float64).requires_grad_(true);
        var b = Const(2.0);
        using var g = Seeded(77);
        new Beta(a, b).RSample(null, g).sum().backward();
        var grads = a.grad!;
        var mean = Scalar(grads.mean());
        var se = Scalar(grads.std()) / Math.Sqrt(n);
        var exact = 2.0 / (2.5 * 2.5);
        TestBudget.Check(Math.Abs(mean - exact) < TestBudget.Z * se, $"mean gradient, Beta: mean dX/da = {mean}, exact {exact}, bound {TestBudget.Z * se}");
    }
}
