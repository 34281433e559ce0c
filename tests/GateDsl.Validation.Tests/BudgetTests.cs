using Xunit.Abstractions;

namespace GateDsl.Validation.Tests;

/// <summary>Runs after every parallel test collection (xunit runs collections without parallelization last).</summary>
[CollectionDefinition(nameof(BudgetTests), DisableParallelization = true)]
public sealed class BudgetCollection;

[Collection(nameof(BudgetTests))]
public sealed class BudgetTests(ITestOutputHelper output)
{
    /// <summary>
    /// The statistical assertions that ran in this process registered their false-failure and miss
    /// probabilities; their sum (a union bound) must stay within the project's share. A new statistical
    /// assertion adds itself: nobody edits a count.
    /// </summary>
    [Fact]
    public void What_ran_stays_within_the_project_share()
    {
        var total = FalseFailureLedger.Total;
        var summary = FalseFailureLedger.Summary();
        output.WriteLine(summary);
        Assert.True(total <= TestBudget.Share, $"spent {total:G4} > share {TestBudget.Share:G3}: {summary}");
    }

    [Fact]
    public void Validation_suite_splits_its_budget_evenly_over_its_statistical_checks()
    {
        foreach (var size in new[] { SuiteSize.Quick, SuiteSize.Full })
        {
            var suite = ValidationSuite.Create(size);
            var statistical = suite.Checks.Where(c => c.IsStatistical).ToArray();
            Assert.NotEmpty(statistical);
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
