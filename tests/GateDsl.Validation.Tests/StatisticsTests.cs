using GateDsl.Reference;

namespace GateDsl.Validation.Tests;

public sealed class StatisticsTests
{
    [Fact]
    public void Windowed_ks_over_the_whole_line_is_the_ks_statistic()
    {
        var random = new Random(3);
        var sample = Enumerable.Range(0, 5000).Select(_ => random.NextDouble() * random.NextDouble()).ToArray();
        var reference = new BetaReference(0.9, 1.8);
        Assert.Equal(
            KolmogorovSmirnov.Statistic(sample, reference.Cdf),
            WindowedKs.Statistic(sample, reference.Cdf, double.MinValue, double.MaxValue),
            14);
    }

    /// <summary>
    /// Why the window exists: a correct float64 Beta(0.05, 0.1) sampler puts 0.85% of its draws on
    /// 1 - 2^-53 (no double lies above it below 1). The plain KS test rejects it at n = 200,000
    /// (deterministic for this seed); the windowed test passes (alpha = 1e-9).
    /// </summary>
    [Fact]
    public void Plain_ks_rejects_a_correct_small_shape_beta_and_the_faithful_window_does_not()
    {
        var (entry, p) = (DistributionCatalogue.Get("Beta"), new[] { 0.05, 0.1 });
        var draws = SamplerUnderTest.Toolkit.Draw(entry, p, 200_000, 1011)[0];
        var reference = entry.CreateReference(p);
        var atTop = draws.Count(x => x == 1 - Math.Pow(2, -53)) / (double)draws.Length;
        Assert.InRange(atTop, 0.006, 0.011);
        Assert.False(KolmogorovSmirnov.OneSample(draws, reference, TestBudget.Alpha).Passed);
        var windowed = LawTest.Ks(draws, reference, TestBudget.Alpha);
        TestBudget.Check(windowed, "windowed KS of a correct Beta(0.05, 0.1)");
    }

    [Fact]
    public void Correlation_standard_error_is_one_over_root_n_for_independent_data()
    {
        // Under independence the influence function is u v with variance 1: SE = 1/sqrt(n).
        // The estimate's relative error has sd about 0.009 here; the 10% band is 11 of those.
        var random = new Random(5);
        var normal = new MathNet.Numerics.Distributions.Normal(0, 1, random);
        var xs = Enumerable.Range(0, 100_000).Select(_ => normal.Sample()).ToArray();
        var ys = Enumerable.Range(0, 100_000).Select(_ => normal.Sample()).ToArray();
        var r = CorrelationTest.Test(xs, ys, 0, 0.5);
        Assert.InRange(r.StandardError * Math.Sqrt(xs.Length), 0.9, 1.1);
    }

    [Fact]
    public void Quantiles_interpolate_order_statistics()
    {
        double[] xs = [4, 1, 3, 2, 5];
        Assert.Equal([1.0, 1.2, 3.0, 4.8, 5.0], Descriptive.Quantiles(xs, [0, 0.05, 0.5, 0.95, 1]));
        Assert.Equal(3.0, Descriptive.Mean(xs));
        Assert.Equal(2.5, Descriptive.Variance(xs));
    }
}
