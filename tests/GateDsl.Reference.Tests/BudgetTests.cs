using Xunit.Abstractions;

namespace GateDsl.Reference.Tests;

/// <summary>Runs after every parallel test collection (xunit runs collections without parallelization last).</summary>
[CollectionDefinition(nameof(BudgetTests), DisableParallelization = true)]
public sealed class BudgetCollection;

[Collection(nameof(BudgetTests))]
public sealed class BudgetTests(ITestOutputHelper output)
{
    /// <summary>
    /// The statistical assertions that ran registered their false-failure and miss probabilities; their
    /// sum (a union bound) must stay within 0.6 of the project's share (the rest is headroom for the CLT
    /// checks' approximation). A new statistical assertion adds itself: nobody edits a count.
    /// </summary>
    [Fact]
    public void What_ran_stays_within_the_project_share_with_headroom()
    {
        var total = FalseFailureLedger.Total;
        var summary = FalseFailureLedger.Summary();
        output.WriteLine(summary);
        Assert.True(total <= 0.6 * TestBudget.Share, $"spent {total:G4} > 0.6 x share {TestBudget.Share:G3}: {summary}");
    }
}
