using FsCheck.Xunit;
using GateDsl.Reference;

namespace GateDsl.Reference.Tests;

public sealed class KolmogorovDistributionTests
{
    [Property(Arbitrary = [typeof(Generators)], MaxTest = 50, Replay = "(20261207,15)")]
    public void Exact_law_for_one_and_two_draws_matches_the_analytic_forms(Level level)
    {
        // n = 1: D = max(U, 1 - U) ~ Uniform(1/2, 1), so P(D <= d) = 2d - 1.
        double d1 = 0.5 + 0.5 * level.Value;
        Laws.AssertClose(2 * d1 - 1, KolmogorovDistribution.ExactCdf(1, d1), 1e-13, $"n=1, d={d1}");

        // n = 2 (derived from the ordered pair's uniform density 2 on u1 < u2; matches scipy's kstwo):
        // P(D <= d) = 2 (2d - 1/2)^2 on [1/4, 1/2] and -2 d^2 + 4 d - 1 on [1/2, 1].
        double d2 = 0.25 + 0.75 * level.Value;
        double expected = d2 <= 0.5 ? 2 * (2 * d2 - 0.5) * (2 * d2 - 0.5) : -2 * d2 * d2 + 4 * d2 - 1;
        Laws.AssertClose(expected, KolmogorovDistribution.ExactCdf(2, d2), 1e-13, $"n=2, d={d2}");
        Laws.AssertClose(1 - expected, KolmogorovDistribution.Survival(2, d2), 1e-13, $"p-value n=2, d={d2}");

        // One-sided, n = 1: D+ = 1 - U.
        Laws.AssertClose(1 - level.Value, KolmogorovDistribution.SmirnovSurvival(1, level.Value), 1e-13, "Smirnov n=1");
    }

    [Fact]
    public void Exact_law_reproduces_Marsaglia_Tsang_Wangs_example()
    {
        // J. Stat. Softw. 8(18), 2003: K(10, 0.274) = 0.6284796154565043.
        Assert.Equal(0.6284796154565043, KolmogorovDistribution.ExactCdf(10, 0.274), 13);
    }

    [Theory]
    [InlineData(1.3580986, 0.05)]
    [InlineData(1.6276236, 0.01)]
    [InlineData(1.9494718, 0.001)]
    [InlineData(0.8275735, 0.5)]
    public void Limiting_law_matches_tabulated_Kolmogorov_quantiles(double lambda, double p)
    {
        Assert.True(Math.Abs(KolmogorovDistribution.LimitingSurvival(lambda) - p) < 2e-7 * Math.Max(1, 1 / p) * p + 1e-7, $"Q({lambda}) = {KolmogorovDistribution.LimitingSurvival(lambda)}, tabulated {p}");
    }

    [Fact]
    public void Limiting_series_branches_agree_where_they_meet()
    {
        Laws.AssertClose(KolmogorovDistribution.LimitingSurvival(1 - 1e-12), KolmogorovDistribution.LimitingSurvival(1 + 1e-12), 1e-11, "Q at 1");
    }

    [Theory]
    [InlineData(400)]
    [InlineData(1000)]
    public void Survival_paths_meet_their_documented_error_against_the_exact_law(int n)
    {
        foreach (double lambda in new[] { 0.9, 1.1, 1.3, 1.5, 1.8, 2.0 })
        {
            double d = lambda / Math.Sqrt(n);
            double exact = 1 - KolmogorovDistribution.ExactCdf(n, d);
            double smirnov = 2 * KolmogorovDistribution.SmirnovSurvival(n, d);
            double stephens = KolmogorovDistribution.LimitingSurvival((Math.Sqrt(n) + 0.12 + 0.11 / Math.Sqrt(n)) * d);
            Assert.InRange(smirnov - exact, -1e-12, exact * exact * exact * exact / 4 + 1e-12); // about p^4/8 above
            Assert.True(Math.Abs(stephens - exact) < 5e-3, $"Stephens at n={n}, lambda={lambda}: {stephens} vs {exact}");
            double chosen = KolmogorovDistribution.Survival(n, d);
            Assert.True(Math.Abs(chosen - exact) <= exact * exact * exact * exact / 4 + 1e-12, $"Survival({n}, {d}) = {chosen}, exact {exact}");
        }
    }

    [Fact]
    public void Survival_is_monotone_across_evaluator_switches()
    {
        foreach (int n in new[] { 50, 3000 })
        {
            double previous = 1;
            for (double lambda = 0.3; lambda < 4.5; lambda += 0.05)
            {
                double p = KolmogorovDistribution.Survival(n, lambda / Math.Sqrt(n));
                Assert.True(p <= previous + 2e-3, $"n={n}, lambda={lambda}: {p} after {previous}");
                previous = p;
            }
        }
    }

    [Fact]
    public void Critical_value_inverts_the_survival_function()
    {
        foreach (int n in new[] { 20, 500 })
        {
            double d = KolmogorovDistribution.CriticalValue(n, 0.01);
            Laws.AssertClose(0.01, KolmogorovDistribution.Survival(n, d), 1e-9, $"n={n}");
            Assert.True(Math.Abs(KolmogorovSmirnov.SmirnovCriticalValue(n, 0.01) - d) < 1e-6, "Smirnov critical value is within 1e-6 at alpha = 0.01");
        }
    }
}
