using GateDsl.Reference;
using MathNet.Numerics.Distributions;

namespace GateDsl.Reference.Tests;

/// <summary>
/// Every statistical test applied to draws from the law it tests. Error budget: each check runs at
/// false-failure probability Alpha = <see cref="TestBudget.Alpha"/> = 5e-10 (1e-4 before the audit);
/// this class makes 4 checks per law for 18 laws plus 10 bivariate and 2 meta checks, 84 in all, so a
/// fresh choice of seeds would fail any of them with probability at most 4.2e-8 (union bound; each check
/// registers its probability as it runs, see <see cref="TestBudget"/>; the KS and DKW checks are exact or non-asymptotic, the moment and
/// chi-square checks asymptotic, so for them 5e-10 is the nominal level, see TestBudget.Alpha).
/// </summary>
public sealed class NullHypothesisTests
{
    private const double Alpha = TestBudget.Alpha;

    // Derived from the budget: the least n whose DKW band at Alpha is 0.016 in sup-CDF distance
    // (n = ceil(ln(2/Alpha) / (2 * 0.016^2)) = 43,183 at 5e-10; 19,343 at the former 1e-4), so every
    // check resolves errors of that size.
    private static readonly int N = Dkw.SampleSize(0.016, Alpha);

    public static TheoryData<string> SampledLaws
    {
        get
        {
            // Every catalogue law except Gamma(0.1): its variance check averages (x - mu)^2, whose own
            // tail is so heavy (excess kurtosis of X is 60) that 2e4 draws are far from the CLT regime.
            var data = new TheoryData<string>();
            foreach (var n in Laws.NameList.Where(n => n != "Gamma(0.1,1)"))
            {
                data.Add(n);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(SampledLaws))]
    public void Draws_from_the_law_pass_KS_DKW_and_both_moment_tests(string name)
    {
        var d = Laws.Get(name);
        int seed = 1000 + Laws.NameList.ToList().IndexOf(name);
        var x = Samples.Draw(name, N, seed);

        var ks = KolmogorovSmirnov.OneSample(x, d, Alpha);
        var dkw = Dkw.Check(x, d.Cdf, Alpha);
        var mean = MomentTest.Mean(x, d.Mean, d.Variance, Alpha);
        var variance = MomentTest.Variance(x, d.Mean, d.Variance, Quadrature.CentralMoment(d, 4), Alpha);

        TestBudget.Check(ks, $"null KS {name}");
        TestBudget.Check(dkw, $"null DKW {name}");
        TestBudget.Check(mean, $"null mean {name}");
        TestBudget.Check(variance, $"null variance {name}");
        Assert.True(dkw.Threshold <= 0.016, dkw.ToString());
        Assert.True(ks.Threshold <= dkw.Threshold, "the KS critical value lies inside the DKW band");
    }

    [Fact]
    public void Olkin_Liu_draws_pass_the_joint_tests()
    {
        var law = new BivariateBetaReference(2, 3, 1.5);
        var (xs, ys) = Samples.OlkinLiu(2, 3, 1.5, N, seed: 7);
        var grid = JointGrid.Create(law, 5);

        var chi = GridChiSquare.Test(xs, ys, grid, Alpha);
        var corners = JointCdfGridCheck.Check(xs, ys, grid, Alpha);
        var ksX = KolmogorovSmirnov.OneSample(xs, law.MarginalX, Alpha);
        var ksY = KolmogorovSmirnov.OneSample(ys, law.MarginalY, Alpha);
        var products = xs.Zip(ys, (x, y) => x * y).ToArray();
        var exy = MomentTest.Mean(products, law.MeanXY, Samples.SampleVariance(products), Alpha);

        foreach (var r in new[] { chi, corners, ksX, ksY, exy })
        {
            TestBudget.Check(r, "null Olkin-Liu");
        }

        Assert.Equal(24, grid.CellsPerAxis * grid.CellsPerAxis - 1);
    }

    [Fact]
    public void Five_gamma_draws_pass_marginal_and_mixed_moment_tests()
    {
        double[] shapes = [1, 2, 0.5, 1.5, 2];
        var law = new BivariateBeta5Reference(1, 2, 0.5, 1.5, 2);
        var (xs, ys) = Samples.FiveGamma(shapes, N, seed: 11);
        var products = xs.Zip(ys, (x, y) => x * y).ToArray();

        var ksX = KolmogorovSmirnov.OneSample(xs, law.MarginalX, Alpha);
        var ksY = KolmogorovSmirnov.OneSample(ys, law.MarginalY, Alpha);
        var exy = MomentTest.Mean(products, law.MeanXY, Samples.SampleVariance(products), Alpha);

        // A 3 x 3 grid: four interior corners, each a 3-D integral of about a second.
        var grid = JointGrid.Create(law, 3);
        var chi = GridChiSquare.Test(xs, ys, grid, Alpha);
        var corners = JointCdfGridCheck.Check(xs, ys, grid, Alpha);
        foreach (var r in new[] { ksX, ksY, exy, chi, corners })
        {
            TestBudget.Check(r, "null 5G");
        }
    }

    [Fact]
    public void KS_p_values_are_uniform_under_the_null()
    {
        // p-values from samples of 30 (exact Durbin branch) and from samples of 5000 (exact for p above
        // about 0.7, Stephens between 0.2 and that, Smirnov below) must themselves pass a KS test
        // against Uniform(0, 1) at Alpha. Counts derived from the sup distance each must resolve with
        // its DKW band at Alpha: 0.05 for the small samples (4,422 p-values at 5e-10; 1,981 at the
        // former 1e-4, which used 2000) and 0.13 for the large ones (655; 294 at 1e-4, which used 300),
        // the resolutions the former counts had.
        var rng = new Random(3);
        int smallCount = Dkw.SampleSize(0.05, Alpha), largeCount = Dkw.SampleSize(0.13, Alpha);
        var small = Enumerable.Range(0, smallCount).Select(_ => KolmogorovSmirnov.OneSample(Draw(rng, 30), u => u).PValue!.Value).ToArray();
        var large = Enumerable.Range(0, largeCount).Select(_ => KolmogorovSmirnov.OneSample(Draw(rng, 5000), u => u).PValue!.Value).ToArray();
        var r1 = KolmogorovSmirnov.OneSample(small, u => Math.Clamp(u, 0, 1), Alpha);
        var r2 = KolmogorovSmirnov.OneSample(large, u => Math.Clamp(u, 0, 1), Alpha);
        TestBudget.Check(r1, "null: KS p-values of samples of 30 are uniform");
        TestBudget.Check(r2, "null: KS p-values of samples of 5000 are uniform");

        static double[] Draw(Random rng, int n) => Enumerable.Range(0, n).Select(_ => rng.NextDouble()).ToArray();
    }

    [Fact]
    public void DKW_sample_size_is_the_stated_formula()
    {
        Assert.Equal(18445, Dkw.SampleSize(0.01, 0.05));       // ceil(ln(40) / 2e-4) = ceil(18444.4)
        Assert.Equal(1521, Dkw.SampleSize(0.05, 0.001));       // ceil(ln(2000) / 5e-3) = ceil(1520.2)
        foreach (double eps in new[] { 0.003, 0.02, 0.1 })
        {
            int n = Dkw.SampleSize(eps, 1e-3);
            Assert.True(Dkw.Epsilon(n, 1e-3) <= eps && Dkw.Epsilon(n - 1, 1e-3) > eps, $"eps={eps}: n={n} is the least sufficient size");
        }
    }

    [Fact]
    public void Moment_test_threshold_is_z_times_the_standard_error()
    {
        var r = MomentTest.Mean(new double[] { 0, 1, 2, 3 }, 1.5, 4.0, 0.05);
        Assert.Equal(Normal.InvCDF(0, 1, 0.975) * 1.0, r.Threshold, 12);
        Assert.Equal(0, r.Statistic, 12);
        Assert.Equal(1, r.PValue!.Value, 12);
        Assert.Equal(0.05, r.FalseFailureProbability);
    }
}
