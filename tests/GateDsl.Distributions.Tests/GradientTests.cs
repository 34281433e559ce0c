using TorchSharp;
using static TorchSharp.torch;
using static GateDsl.Distributions.Tests.TestTensors;

namespace GateDsl.Distributions.Tests;

/// <summary>Every reparameterized draw carries a pathwise gradient to every parameter.</summary>
public sealed class GradientTests
{
    [Theory]
    [MemberData(nameof(Catalogue.NamesAndParameters), MemberType = typeof(Catalogue))]
    public void DrawGradientReachesEveryParameter(string name, int parameter)
    {
        foreach (var dtype in new[] { ScalarType.Float32, ScalarType.Float64 })
        {
            var entry = Catalogue.Get(name);
            var leaves = entry.Values.Select(v => Leaf(v, dtype)).ToArray();
            var d = entry.Create(leaves);
            using var g = Seeded(11);
            entry.DrawLoss(d, [64], g).backward();
            var grad = leaves[parameter].grad;
            Assert.NotNull(grad);
            var value = Scalar(grad!);
            Assert.True(double.IsFinite(value), $"{name}.{entry.Parameters[parameter]} ({dtype}): gradient {value}");
            Assert.NotEqual(0.0, value);
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
    /// Bound: 5 standard errors of that mean, with the standard error estimated from the same draws
    /// (CLT); two-sided false-failure probability about 6e-7 per shape. Seed fixed.
    /// </summary>
    [Theory]
    [InlineData(0.3)]
    [InlineData(1.0)]
    [InlineData(4.0)]
    public void GammaPathwiseGradientHasMeanOne(double shape)
    {
        const int n = 20_000;
        var a = torch.full([n], shape, ScalarType.Float64).requires_grad_(true);
        using var g = Seeded(2024);
        var x = new Gamma(a, Const(1.0)).RSample(null, g);
        x.sum().backward();
        var grads = a.grad!;
        var mean = Scalar(grads.mean());
        var se = Scalar(grads.std()) / Math.Sqrt(n);
        Assert.True(Math.Abs(mean - 1.0) < 5.0 * se, $"shape {shape}: mean dG/da = {mean}, 5 SE = {5 * se}");
    }

    /// <summary>
    /// Beta pathwise gradient against the exact derivative of the mean: d/da E[X] = b / (a+b)^2.
    /// Same CLT bound (5 standard errors).
    /// </summary>
    [Fact]
    public void BetaPathwiseGradientMatchesDerivativeOfMean()
    {
        const int n = 20_000;
        var a = torch.full([n], 0.5, ScalarType.Float64).requires_grad_(true);
        var b = Const(2.0);
        using var g = Seeded(77);
        new Beta(a, b).RSample(null, g).sum().backward();
        var grads = a.grad!;
        var mean = Scalar(grads.mean());
        var se = Scalar(grads.std()) / Math.Sqrt(n);
        var exact = 2.0 / (2.5 * 2.5);
        Assert.True(Math.Abs(mean - exact) < 5.0 * se, $"mean dX/da = {mean}, exact {exact}, 5 SE = {5 * se}");
    }
}
