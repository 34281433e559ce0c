using GateDsl.Language.Binding;
using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Compiler.Tests;

/// <summary>Seeds, shapes and the evaluator's argument checks.</summary>
public sealed class ReproducibilityTests
{
    [Theory]
    [InlineData("BivariateBeta(2, 3, 1.5)")]
    [InlineData("Kumaraswamy(0.5, 2)")]
    [InlineData("Normal()")]
    public void Same_seed_gives_the_same_draws(string expression)
    {
        var call = Specs.Call(expression);
        var first = DistributionEvaluator.Seeded(7).Sample(call, 1_000);
        var second = DistributionEvaluator.Seeded(7).Sample(call, 1_000);
        var other = DistributionEvaluator.Seeded(8).Sample(call, 1_000);
        for (var k = 0; k < first.Count; k++)
        {
            Assert.True(Same(first[k], second[k]), $"component {k} differs under the same seed");
            Assert.False(Same(first[k], other[k]), $"component {k} is equal under another seed");
        }
    }

    [Fact]
    public void RSample_and_Sample_draw_the_same_values_for_the_same_seed()
    {
        var beta = Specs.Get("Beta");
        var sampled = DistributionEvaluator.Seeded(9).Sample(beta, new[] { 2.0, 3.0 }, 100)[0];
        var arguments = new[] { torch.tensor(2.0, ScalarType.Float64), torch.tensor(3.0, ScalarType.Float64) };
        var rsampled = DistributionEvaluator.Seeded(9).RSample(beta, arguments, 100)[0];
        Assert.True(Same(sampled, rsampled.detach()));
    }

    [Fact]
    public void One_draw_has_shape_one()
    {
        var values = DistributionEvaluator.Seeded(1).Sample(Specs.Call("BivariateBeta(1, 1, 1)"), 1);
        Assert.Equal(2, values.Count);
        Assert.All(values, v => Assert.Equal(new[] { 1L }, v.shape));
    }

    [Fact]
    public void Wrong_calls_are_argument_errors()
    {
        var evaluator = DistributionEvaluator.Seeded(2);
        var beta = Specs.Get("Beta");
        Assert.Throws<ArgumentException>(() => evaluator.Sample(beta, new[] { 2.0 }, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => evaluator.Sample(beta, new[] { 2.0, 3.0 }, 0));
        Assert.Throws<ArgumentException>(() => evaluator.RSample(beta, new[] { torch.ones(3, ScalarType.Float64), torch.ones(3, ScalarType.Float64) }, 10));
        Assert.Null(Compilation.ForCall("Bta(1, 2)").Call); // a call with errors has nothing to sample

        // A run-time parameter check of the sampler: the language cannot see low >= high.
        Assert.Throws<GateDsl.Distributions.DistributionParameterException>(() => evaluator.Sample(PrimitiveDistribution.Uniform, new[] { 2.0, 1.0 }, 10));
    }

    private static bool Same(Tensor a, Tensor b) => a.shape.SequenceEqual(b.shape) && a.eq(b).all().item<bool>();
}
