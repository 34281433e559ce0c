namespace GateDsl.Compiler.Tests;

/// <summary>
/// The error budget of this test project: every assertion that can fail by chance for a correct
/// evaluator (a CLT moment, gradient or correlation check, false-failure probability alpha) registers
/// it in the <see cref="FalseFailureLedger"/> when it runs (<see cref="Moments"/>), and
/// <see cref="BudgetTests"/>, which runs after all the others, holds the sum of what ran (union bound)
/// within this project's share of the repository's 1e-6 per run (docs/test-budget.md). Seeds are
/// fixed (<c>DistributionEvaluator.Seeded</c> with constants), so a run is reproducible; the budget
/// is the chance that a correct evaluator meets unlucky seeds after its random streams change.
/// Exact identities and draw-by-draw sign checks spend nothing, and so do checks whose failure
/// probability is below 1e-40 (stated at the check). There are no power tests here.
/// </summary>
internal static class TestBudget
{
    /// <summary>This project's share of the 1e-6 per run.</summary>
    public const double Share = 5e-8;

    /// <summary>alpha of each CLT check (two-sided, <see cref="Moments.Z"/> = 6.22).</summary>
    public const double Alpha = 5e-10;

    /// <summary>
    /// Asserts a statistical check that a correct evaluator fails with probability at most
    /// <paramref name="probability"/>, registering it in the <see cref="FalseFailureLedger"/> as it runs.
    /// </summary>
    public static void Check(bool passed, double probability, string what)
    {
        FalseFailureLedger.Register(what, probability);
        Assert.True(passed, what);
    }
}
