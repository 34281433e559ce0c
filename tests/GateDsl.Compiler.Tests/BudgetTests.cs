namespace GateDsl.Compiler.Tests;

public sealed class BudgetTests
{
    [Fact]
    public void Test_project_false_failure_probabilities_sum_within_its_share()
    {
        Assert.True(TestBudget.Sum <= TestBudget.Share, $"budget {TestBudget.Sum:G3} > {TestBudget.Share:G3}");
        Assert.Equal(57, TestBudget.Items.Sum(i => i.Count));
    }

    [Fact]
    public void Z_is_the_two_sided_normal_quantile_of_the_per_check_alpha()
    {
        // P(|N(0,1)| > z) = erfc(z / sqrt 2); 6.22 gives 4.97e-10, 6.21 would exceed 5e-10.
        Assert.InRange(Erfc(Moments.Z / Math.Sqrt(2)), 4.9e-10, TestBudget.Alpha);
        Assert.True(Erfc((Moments.Z - 0.01) / Math.Sqrt(2)) > TestBudget.Alpha);
    }

    // erfc for large arguments by its continued fraction (x > 4: 30 terms are exact to double precision).
    private static double Erfc(double x)
    {
        double f = 0;
        for (int k = 60; k >= 1; k--)
        {
            f = k / 2.0 / (x + f);
        }

        return Math.Exp(-x * x) / Math.Sqrt(Math.PI) / (x + f);
    }
}
