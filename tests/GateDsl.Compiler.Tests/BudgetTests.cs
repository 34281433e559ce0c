using Xunit.Abstractions;

namespace GateDsl.Compiler.Tests;

/// <summary>Runs after every parallel test collection (xunit runs collections without parallelization last).</summary>
[CollectionDefinition(nameof(BudgetTests), DisableParallelization = true)]
public sealed class BudgetCollection;

[Collection(nameof(BudgetTests))]
public sealed class BudgetTests(ITestOutputHelper output)
{
    /// <summary>
    /// The CLT checks that ran registered their false-failure probabilities (<see cref="Moments"/>);
    /// their sum (a union bound) must stay within the project's share. A new check adds itself.
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
