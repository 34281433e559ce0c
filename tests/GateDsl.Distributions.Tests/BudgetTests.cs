using Xunit.Abstractions;

namespace GateDsl.Distributions.Tests;

/// <summary>Runs after every parallel test collection (xunit runs collections without parallelization last).</summary>
[CollectionDefinition(nameof(BudgetTests), DisableParallelization = true)]
public sealed class BudgetCollection;

[Collection(nameof(BudgetTests))]
public sealed class BudgetTests(ITestOutputHelper output)
{
    /// <summary>
    /// The statistical assertions that ran registered their false-failure probabilities; their sum (a
    /// union bound) must stay within 0.6 of the project's share, the rest being headroom for the CLT
    /// checks' approximation error (TestBudget.Alpha). A new statistical assertion adds itself.
    /// </summary>
    [Fact]
    public void What_ran_stays_within_the_project_share_with_headroom()
    {
        var total = FalseFailureLedger.Total;
        var summary = FalseFailureLedger.Summary();
        output.WriteLine(summary);
        Assert.True(total <= 0.6 * TestBudget.Share, $"spent {total:G4} > 0.6 x share {TestBudget.Share:G3}: {summary}");
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
