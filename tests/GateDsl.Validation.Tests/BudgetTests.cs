namespace GateDsl.Validation.Tests;

public sealed class BudgetTests
{
    [Fact]
    public void Test_project_false_failure_and_miss_probabilities_sum_within_its_share()
    {
        Assert.True(TestBudget.Sum <= TestBudget.Share, $"budget {TestBudget.Sum:G3} > share {TestBudget.Share:G3}");
        Assert.True(TestBudget.Share < TestBudget.Total);
        // The quick suite, 275 checks at 1e-9 (alpha or beta), 18 mutation checks at 1e-10, and five
        // gatec validate --cell runs at 4e-10 with two power checks below 1e-40: 7.788e-7.
        Assert.Equal(301, TestBudget.Items.Sum(i => i.Count));
    }

    [Fact]
    public void Validation_suite_splits_its_budget_evenly_over_its_statistical_checks()
    {
        foreach (var size in new[] { SuiteSize.Quick, SuiteSize.Full })
        {
            var suite = ValidationSuite.Create(size);
            var statistical = suite.Checks.Where(c => c.IsStatistical).ToArray();
            Assert.All(statistical, c => Assert.Equal(suite.PerCheckFalseFailureProbability, c.FalseFailureProbability));
            Assert.True(suite.TotalFalseFailureProbability <= ValidationSuite.TotalFalseFailureBudget * (1 + 1e-12));
            Assert.All(suite.Checks.Where(c => !c.IsStatistical), c => Assert.Equal(0, c.FalseFailureProbability));
        }
    }

    /// <summary>
    /// Same checks, so the same per-check alpha; the full law size (400,000) is derived in
    /// <c>MutationPowerTests</c>, the gradient size stays at ten times the quick one.
    /// </summary>
    [Fact]
    public void Full_suite_draws_twenty_times_the_quick_suite_per_law_check_and_ten_times_per_gradient_check()
    {
        var (quick, full) = (ValidationSuite.Create(SuiteSize.Quick), ValidationSuite.Create(SuiteSize.Full));
        Assert.Equal(quick.Checks.Count, full.Checks.Count);
        Assert.Equal(quick.PerCheckFalseFailureProbability, full.PerCheckFalseFailureProbability);
        Assert.Equal((20_000, 10_000), (quick.SampleSize, quick.GradientSampleSize));
        Assert.Equal(20 * quick.SampleSize, full.SampleSize);
        Assert.Equal(10 * quick.GradientSampleSize, full.GradientSampleSize);
    }
}
