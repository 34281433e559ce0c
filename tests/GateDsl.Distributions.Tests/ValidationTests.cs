using TorchSharp;
using static TorchSharp.torch;
using static GateDsl.Distributions.Tests.TestTensors;

namespace GateDsl.Distributions.Tests;

/// <summary>Invalid parameters are rejected with a message naming the parameter, the range and the element.</summary>
public sealed class ValidationTests
{
    [Fact]
    public void GammaShapeMessageNamesParameterRangeValueAndIndex()
    {
        var ex = Assert.Throws<DistributionParameterException>(() => new Gamma(Const([1.0, 2.0, 3.0, -1.0]), Const(1.0)));
        Assert.StartsWith("Gamma: shape must be > 0 (Range: shape > 0); got -1 at index 3", ex.Message);
        Assert.Equal("shape", ex.ParamName);
    }

    public static TheoryData<string, Func<IGateDistribution>, string> Cases() => new()
    {
        { "rate", () => new Gamma(Const(1.0), Const(0.0)), "Gamma: rate must be > 0 (Range: rate > 0); got 0 at index 0" },
        { "b", () => new Beta(Const(1.0), Const([1.0, double.NaN])), "Beta: b must be > 0 (Range: b > 0); got NaN at index 1" },
        { "c", () => new BivariateBeta(Const(1.0), Const(1.0), Const(-2.0)), "BivariateBeta: c must be > 0 (Range: c > 0); got -2 at index 0" },
        { "a4", () => new BivariateBeta5(Const(1.0), Const(1.0), Const(1.0), Const([1.0, -0.5]), Const(1.0)), "BivariateBeta5: a4 must be > 0 (Range: a4 > 0); got -0.5 at index 1" },
        { "a", () => new Kumaraswamy(Const(-3.0), Const(1.0)), "Kumaraswamy: a must be > 0 (Range: a > 0); got -3 at index 0" },
        { "temperature", () => new RelaxedBernoulli(Const(0.0), Const(0.0)), "RelaxedBernoulli: temperature must be > 0 (Range: temperature > 0); got 0 at index 0" },
        { "logits", () => new RelaxedBernoulli(Const(1.0), Const(double.PositiveInfinity)), "RelaxedBernoulli: logits must be finite (Range: -inf < logits < inf); got Infinity at index 0" },
        { "sigma", () => new LogitNormal(Const(0.0), Const(-1.0)), "LogitNormal: sigma must be > 0 (Range: sigma > 0); got -1 at index 0" },
        { "scale", () => new Logistic(Const(0.0), Const(0.0)), "Logistic: scale must be > 0 (Range: scale > 0); got 0 at index 0" },
        { "high", () => new Uniform(Const([0.0, 1.0]), Const([1.0, 1.0])), "Uniform: high must be > low (Range: low < high); got low = 1, high = 1 at index 1" },
        { "sigma", () => new Normal(Const(0.0), Const(-0.1)), "Normal: sigma must be > 0 (Range: sigma > 0); got -0.1 at index 0" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void InvalidParameterIsRejectedWithItsRange(string parameter, Func<IGateDistribution> create, string message)
    {
        var ex = Assert.Throws<DistributionParameterException>(create);
        Assert.Equal(parameter, ex.ParamName);
        Assert.StartsWith(message, ex.Message);
    }

    /// <summary>validate: false skips the range checks (no device sync) but still aligns dtype and shape.</summary>
    [Fact]
    public void WithoutValidationOutOfRangeValuesPassAndParametersAreStillAligned()
    {
        var beta = new Beta(Const(-1.0), torch.ones(3, ScalarType.Float32), validate: false);
        Assert.Equal(ScalarType.Float64, beta.DType);
        Assert.Equal(new long[] { 3 }, beta.BatchShape);
        Assert.Equal(ScalarType.Float64, beta.B.dtype);
        Assert.Equal(-1.0, beta.A.item<double>());
        var joint = new BivariateBeta(Const(-1.0), Const(1.0), Const(1.0), validate: false);
        Assert.Equal(Support.UnitInterval, joint.Support);
        Assert.Equal(-1.0, joint.A.item<double>());
        Assert.Throws<ArgumentException>(() => new Beta(torch.ones(3), torch.ones(4), validate: false));
    }

    [Fact]
    public void NonBroadcastableShapesAreRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Beta(torch.ones(3), torch.ones(4)));
        Assert.Contains("do not broadcast", ex.Message);
        Assert.Contains("a [3]", ex.Message);
        Assert.Contains("b [4]", ex.Message);
    }

    [Fact]
    public void IntegerParametersAreRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Gamma(torch.ones(3, ScalarType.Int64), Const(1.0)));
        Assert.Contains("shape must be a Float32 or Float64 tensor", ex.Message);
    }
}
