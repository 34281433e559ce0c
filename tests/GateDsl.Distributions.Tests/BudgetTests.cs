namespace GateDsl.Distributions.Tests;

public sealed class BudgetTests
{
    [Fact]
    public void Test_project_false_failure_probabilities_sum_within_its_share()
    {
        Assert.True(TestBudget.Sum <= TestBudget.Share, $"budget {TestBudget.Sum:G3} > {TestBudget.Share:G3}");
        // 19 DKW + 43 moment + 4 gradient + 7 KL + 6 correlation checks, + 1 kernel Gamma DKW check (at 1e-10).
        Assert.Equal(80, TestBudget.Items.Sum(i => i.Count));
        Assert.True(TestBudget.Sum <= 0.6 * TestBudget.Share, "headroom for the CLT checks' approximation error (TestBudget.Alpha)");
    }

    /// <summary>The hard-coded quantiles give the stated level: tails by Simpson's rule (smooth integrands, 1e-6 relative).</summary>
    [Fact]
    public void Quantiles_match_the_stated_level()
    {
        var normalTail = 2.0 * Simpson(x => Math.Exp(-0.5 * x * x) / Math.Sqrt(2 * Math.PI), TestBudget.Z, TestBudget.Z + 15.0, 20_000);
        Assert.InRange(normalTail / TestBudget.Alpha, 0.9999, 1.0001);

        // Student t with 49 degrees of freedom, unnormalized; beyond 60 the mass is below 1e-40 of the total.
        static double T(double x) => Math.Pow(1.0 + x * x / 49.0, -25.0);
        var tTail = Simpson(T, TestBudget.T49, 60.0, 200_000) / Simpson(T, 0.0, 60.0, 200_000);
        Assert.InRange(tTail / TestBudget.Alpha, 0.9999, 1.0001);
    }

    [Fact]
    public void Sample_sizes_follow_from_alpha_and_the_kept_resolutions()
    {
        Assert.Equal(31_331, TestBudget.DkwSize(0.019));
        Assert.Equal(317_398, TestBudget.CltSize(5.0 / Math.Sqrt(200_000)));
        Assert.Equal(31_740, TestBudget.CltSize(5.0 / Math.Sqrt(20_000)));
    }

    private static double Simpson(Func<double, double> f, double a, double b, int intervals)
    {
        var h = (b - a) / intervals;
        var sum = f(a) + f(b);
        for (var i = 1; i < intervals; i++)
        {
            sum += f(a + i * h) * (i % 2 == 1 ? 4 : 2);
        }

        return sum * h / 3.0;
    }
}
