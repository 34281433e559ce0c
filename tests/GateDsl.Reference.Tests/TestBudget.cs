namespace GateDsl.Reference.Tests;

/// <summary>
/// The error budget of this test project. Every assertion that can fail by chance for a correct
/// reference (false-failure probability alpha) or miss a deliberately wrong law (a power test, miss
/// probability beta) goes through <see cref="Check"/> or <see cref="Caught"/>, which registers its
/// probability in the <see cref="FalseFailureLedger"/> when it runs; <see cref="BudgetTests"/> runs after
/// every other test and holds the sum of what ran to <see cref="Share"/> of the repository's 1e-6 per run
/// (docs/test-budget.md), and within 0.6 of it, the headroom kept for the CLT checks. Seeds are fixed
/// (sampler seeds and FsCheck Replay), so a run is reproducible. Deterministic checks spend nothing.
/// </summary>
internal static class TestBudget
{
    /// <summary>This project's share of the 1e-6 per run.</summary>
    public const double Share = 1e-7;

    /// <summary>
    /// alpha of each statistical assertion that a correct law must pass. 5e-10 rather than the 1e-9
    /// that would just fit: the moment checks are CLT approximations, and a second-order Edgeworth
    /// expansion at n = 41,829 puts the variance checks of Gamma(0.5), Gamma(3, 2) and Beta(0.5, 8) at
    /// 3.9, 1.8 and 1.9 times their nominal level; hence also the 0.6 x share headroom (docs/test-budget.md).
    /// </summary>
    public const double Alpha = 5e-10;

    /// <summary>beta (miss probability) of each power assertion that a wrong law must fail.</summary>
    public const double Beta = 1e-9;

    /// <summary>Asserts a statistical test's verdict at its own false-failure probability, registering it as it runs.</summary>
    public static void Check(StatisticalTestResult result, string what)
    {
        FalseFailureLedger.Register(what, result.FalseFailureProbability);
        Assert.True(result.Passed, $"{what}: {result}");
    }

    /// <summary>Asserts that a test caught a wrong law; it misses one with probability <paramref name="miss"/>, registered as it runs.</summary>
    public static void Caught(StatisticalTestResult result, double miss, string what)
    {
        FalseFailureLedger.Register($"{what} (miss)", miss);
        Assert.False(result.Passed, $"the wrong law slipped through ({what}): {result}");
    }
}
