using GateDsl.Reference;
using MathNet.Numerics.Distributions;
using Xunit.Abstractions;

namespace GateDsl.Reference.Tests;

/// <summary>
/// Each test must catch a deliberately wrong law. Sample sizes are derived, not tuned: from the
/// distance between the laws and the stated false-failure (Alpha) and miss (Beta) probabilities,
/// with the formulas of <see cref="Dkw.SampleSizeForPower"/>, <see cref="MomentTest.SampleSizeForPower"/>,
/// <see cref="JointCdfGridCheck.SampleSizeForPower"/> (rigorous) and
/// <see cref="GridChiSquare.SampleSizeForPower"/> (normal approximation of the noncentral
/// chi-square, so its n gets a factor 1.5). Budget (<see cref="TestBudget"/>, registered as each runs):
/// each of the 11 detections misses with probability at most Beta = 1e-9 (1e-5 before the audit); the
/// 2 marginal controls fail a correct law with probability <see cref="TestBudget.Alpha"/> = 5e-10 each. Alpha = 1e-3 is only the level of the detecting checks
/// (their rejection threshold): a detection cannot fail by a false alarm, so it spends no budget.
/// </summary>
public sealed class PowerTests(ITestOutputHelper output)
{
    private const double Alpha = 1e-3;
    private const double Beta = TestBudget.Beta; // miss probability of every power check

    [Fact]
    public void Swapped_Beta_parameters_are_caught()
    {
        var reference = new BetaReference(2, 5);
        var wrong = new BetaReference(5, 2);
        double delta = Dkw.SupDistance(reference, wrong);
        int n = Dkw.SampleSizeForPower(delta, Alpha, Beta);
        var x = MathNet.Numerics.Distributions.Beta.Samples(new Random(21), 5, 2).Take(n).ToArray();

        AssertCaught(KolmogorovSmirnov.OneSample(x, reference, Alpha), $"n={n}, delta={delta:G3}");
        AssertCaught(Dkw.Check(x, reference.Cdf, Alpha), $"n={n}");

        int nMean = MomentTest.SampleSizeForPower(Math.Abs(wrong.Mean - reference.Mean), Math.Sqrt(Math.Max(wrong.Variance, reference.Variance)), Alpha, Beta);
        var y = MathNet.Numerics.Distributions.Beta.Samples(new Random(22), 5, 2).Take(nMean).ToArray();
        AssertCaught(MomentTest.Mean(y, reference.Mean, reference.Variance, Alpha), $"n={nMean}");
    }

    [Fact]
    public void Gamma_shape_off_by_five_percent_is_caught()
    {
        var reference = new GammaReference(2, 1);
        var wrong = new GammaReference(2.1, 1);
        double delta = Dkw.SupDistance(reference, wrong);
        int n = Dkw.SampleSizeForPower(delta, Alpha, Beta);
        var x = Gamma.Samples(new Random(31), 2.1, 1).Take(n).ToArray();
        AssertCaught(KolmogorovSmirnov.OneSample(x, reference, Alpha), $"n={n}, delta={delta:G3}");
        AssertCaught(Dkw.Check(x, reference.Cdf, Alpha), $"n={n}");

        // Mean: shift 0.1, per-draw sd sqrt(2.1).
        int nMean = MomentTest.SampleSizeForPower(0.1, Math.Sqrt(2.1), Alpha, Beta);
        var y = Gamma.Samples(new Random(32), 2.1, 1).Take(nMean).ToArray();
        AssertCaught(MomentTest.Mean(y, reference.Mean, reference.Variance, Alpha), $"n={nMean}");

        // Variance about the reference mean: E[(X - 2)^2] = 2.1 + 0.01 under the wrong law, a shift of
        // 0.11 (0.1 used); per-draw sd of (X - 2)^2 from the wrong law's central moments, by quadrature.
        double spread = Math.Sqrt(Quadrature.Expectation(wrong, v => Math.Pow((v - 2) * (v - 2) - 2.11, 2)));
        int nVar = MomentTest.SampleSizeForPower(0.1, spread, Alpha, Beta);
        var z = Gamma.Samples(new Random(33), 2.1, 1).Take(nVar).ToArray();
        AssertCaught(MomentTest.Variance(z, reference.Mean, reference.Variance, Quadrature.CentralMoment(reference, 4), Alpha), $"n={nVar}");
    }

    [Fact]
    public void Beta_shape_off_by_five_percent_is_caught()
    {
        var reference = new BetaReference(2, 3);
        var wrong = new BetaReference(2.1, 3);
        double delta = Dkw.SupDistance(reference, wrong);
        int n = Dkw.SampleSizeForPower(delta, Alpha, Beta);
        var x = MathNet.Numerics.Distributions.Beta.Samples(new Random(41), 2.1, 3).Take(n).ToArray();
        AssertCaught(KolmogorovSmirnov.OneSample(x, reference, Alpha), $"n={n}, delta={delta:G3}");
        AssertCaught(Dkw.Check(x, reference.Cdf, Alpha), $"n={n}");
    }

    [Fact]
    public void Independent_Betas_with_the_right_marginals_are_caught_by_the_joint_tests_only()
    {
        // The correlation-free pair X ~ Beta(2, 1.5), Y ~ Beta(3, 1.5) independent, against Olkin-Liu (2, 3, 1.5).
        var law = new BivariateBetaReference(2, 3, 1.5);
        var grid = JointGrid.Create(law, 5);
        var independent = JointGrid.Create(law, 5, (x, y) => law.MarginalX.Cdf(x) * law.MarginalY.Cdf(y));
        int corners = 16;

        double delta = JointCdfGridCheck.MaxCornerDistance(grid, independent);
        int n = JointCdfGridCheck.SampleSizeForPower(delta, corners, Alpha, Beta);
        var (xs, ys) = IndependentPair(law, n, seed: 51);
        AssertCaught(JointCdfGridCheck.Check(xs, ys, grid, Alpha), $"n={n}, delta={delta:G3}");

        // The chi-square approximation also needs 5 expected draws per cell, whichever n is larger.
        int nChi = Math.Max(GridChiSquare.MinimumSampleSize(grid), (int)Math.Ceiling(1.5 * GridChiSquare.SampleSizeForPower(grid, independent, Alpha, Beta)));
        var (cx, cy) = IndependentPair(law, nChi, seed: 52);
        AssertCaught(GridChiSquare.Test(cx, cy, grid, Alpha), $"n={nChi}");

        // The marginals are right, so the one-dimensional tests must NOT object (false-failure TestBudget.Alpha = 5e-10 each).
        TestBudget.Check(KolmogorovSmirnov.OneSample(xs, law.MarginalX, TestBudget.Alpha), "power control: marginal X");
        TestBudget.Check(KolmogorovSmirnov.OneSample(ys, law.MarginalY, TestBudget.Alpha), "power control: marginal Y");
    }

    [Fact]
    public void Power_sample_sizes_follow_their_formulas()
    {
        // DKW: (sqrt(ln(2/a)/2) + sqrt(ln(2/b)/2))^2 / delta^2.
        double c = Math.Sqrt(Math.Log(2 / 1e-3) / 2) + Math.Sqrt(Math.Log(2 / 1e-5) / 2);
        Assert.Equal((int)Math.Ceiling(c * c / 0.0004), Dkw.SampleSizeForPower(0.02, 1e-3, 1e-5));

        // Mean: ((z_(a/2) + z_b) sd / delta)^2.
        double z = Normal.InvCDF(0, 1, 1 - 5e-4) + Normal.InvCDF(0, 1, 1 - 1e-5);
        Assert.Equal((int)Math.Ceiling(z * z * 4 / 0.01), MomentTest.SampleSizeForPower(0.1, 2, 1e-3, 1e-5));
    }

    private void AssertCaught(StatisticalTestResult r, string context)
    {
        output.WriteLine($"{context}: {r}");
        TestBudget.Caught(r, Beta, $"power: {context}");
    }

    private static (double[] X, double[] Y) IndependentPair(BivariateBetaReference law, int n, int seed)
    {
        var rng = new Random(seed);
        var xs = MathNet.Numerics.Distributions.Beta.Samples(rng, law.A, law.C).Take(n).ToArray();
        var ys = MathNet.Numerics.Distributions.Beta.Samples(rng, law.B, law.C).Take(n).ToArray();
        return (xs, ys);
    }
}
