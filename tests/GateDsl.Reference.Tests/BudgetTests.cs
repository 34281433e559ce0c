namespace GateDsl.Reference.Tests;

public sealed class BudgetTests
{
    [Fact]
    public void Test_project_false_failure_and_miss_probabilities_sum_within_its_share()
    {
        Assert.True(TestBudget.Sum <= TestBudget.Share, $"budget {TestBudget.Sum:G3} > {TestBudget.Share:G3}");
        Assert.Equal(99, TestBudget.Items.Sum(i => i.Count)); // 87 null checks and 12 power checks
        Assert.True(TestBudget.Sum <= 0.6 * TestBudget.Share, "headroom for the CLT checks' approximation error (TestBudget.Alpha)");
    }
}
