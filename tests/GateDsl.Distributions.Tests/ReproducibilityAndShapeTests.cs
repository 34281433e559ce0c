using TorchSharp;
using static TorchSharp.torch;
using static GateDsl.Distributions.Tests.TestTensors;

namespace GateDsl.Distributions.Tests;

/// <summary>Seeded draws repeat exactly; shapes broadcast; dtypes are kept.</summary>
public sealed class ReproducibilityAndShapeTests
{
    [Theory]
    [MemberData(nameof(Catalogue.Names), MemberType = typeof(Catalogue))]
    public void SameSeedGivesIdenticalDraws(string name)
    {
        var entry = Catalogue.Get(name);
        var d = entry.Create(entry.Values.Select(v => Const(v)).ToArray());
        Tensor[] first, second, other;
        using (var g = Seeded(42)) { first = entry.Draw(d, [100], g); }
        using (var g = Seeded(42)) { second = entry.Draw(d, [100], g); }
        using (var g = Seeded(43)) { other = entry.Draw(d, [100], g); }
        for (var k = 0; k < first.Length; k++)
        {
            Assert.True(Equal(first[k], second[k]), $"{name}: component {k} differs under the same seed");
            Assert.False(Equal(first[k], other[k]), $"{name}: component {k} identical under different seeds");
        }
    }

    [Theory]
    [MemberData(nameof(Catalogue.Names), MemberType = typeof(Catalogue))]
    public void ParametersBroadcastAndSampleShapeLeads(string name)
    {
        var entry = Catalogue.Get(name);
        // First parameter [3, 1], the others [4]: batch shape [3, 4].
        var parameters = entry.Values.Select((v, k) => k == 0
            ? torch.full([3, 1], v, ScalarType.Float32)
            : torch.full([4], v, ScalarType.Float32)).ToArray();
        if (name == "Uniform")
        {
            parameters[1] = torch.full([4], 5.0, ScalarType.Float32);
        }

        var d = entry.Create(parameters);
        Assert.Equal(new long[] { 3, 4 }, d.BatchShape);
        Assert.Equal(ScalarType.Float32, d.DType);
        using var g = Seeded(1);
        foreach (var draw in entry.Draw(d, [5, 2], g))
        {
            Assert.Equal(new long[] { 5, 2, 3, 4 }, draw.shape);
            Assert.Equal(ScalarType.Float32, draw.dtype);
        }

        foreach (var draw in entry.Draw(d, null, g))
        {
            Assert.Equal(new long[] { 3, 4 }, draw.shape);
        }
    }

    [Fact]
    public void MixedPrecisionPromotesToFloat64AndKeepsGradient()
    {
        var a = Leaf(2.0, ScalarType.Float32);
        var beta = new Beta(a, Const(3.0, ScalarType.Float64));
        Assert.Equal(ScalarType.Float64, beta.DType);
        using var g = Seeded(5);
        var x = beta.RSample([8], g);
        Assert.Equal(ScalarType.Float64, x.dtype);
        x.sum().backward();
        Assert.NotEqual(0.0, Scalar(a.grad!));
    }

    [Fact]
    public void MomentsHaveBatchShape()
    {
        var d = new Gamma(torch.full([2, 1], 2.0), torch.full([3], 1.0));
        Assert.Equal(new long[] { 2, 3 }, d.Mean.shape);
        Assert.Equal(new long[] { 2, 3 }, d.Variance.shape);
        var n = new Normal(torch.zeros(2, 1), torch.ones(3));
        Assert.Equal(new long[] { 2, 3 }, n.Mean.shape);
        Assert.Equal(new long[] { 2, 3 }, n.Entropy().shape);
    }

    [Fact]
    public void SampleIsOutsideTheGraphAndRSampleInside()
    {
        var a = Leaf(2.0);
        var d = new Beta(a, Const(2.0));
        using var g = Seeded(6);
        Assert.False(d.Sample([4], g).requires_grad);
        Assert.True(d.RSample([4], g).requires_grad);
    }
}
