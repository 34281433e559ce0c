using GateDsl.Reference;

namespace GateDsl.Validation.Tests;

/// <summary>
/// The error budget of this test project. Every assertion that can fail by chance for a correct
/// toolkit (a statistical check, false-failure probability alpha) or pass a deliberately wrong sampler
/// (a power test, miss probability beta) goes through <see cref="Check(bool, double, string)"/> or
/// <see cref="Caught"/>, which registers its probability in the <see cref="FalseFailureLedger"/> when it
/// runs; <see cref="BudgetTests"/> runs after every other test and holds the sum of what ran to
/// <see cref="Share"/> (union bound; the split over all test projects is in docs/test-budget.md). Seeds
/// are fixed (FsCheck Replay and sampler seeds derived from the case), so a run is reproducible; the
/// budget is the chance that a correct toolkit meets unlucky seeds after its random streams change.
/// </summary>
internal static class TestBudget
{
    /// <summary>The repository's total per run, over all test projects.</summary>
    public const double Total = 1e-6;

    /// <summary>This project's share of <see cref="Total"/> (docs/test-budget.md).</summary>
    public const double Share = 7.8e-7;

    /// <summary>The quick validation suite run through <c>ValidateCommandRunner</c> with the toolkit.</summary>
    public const double QuickSuite = 5e-7;

    /// <summary>alpha of each statistical assertion in the properties and fact tests.</summary>
    public const double Alpha = 1e-9;

    /// <summary>beta (miss probability) of each power assertion.</summary>
    public const double Beta = 1e-9;

    /// <summary>Asserts a statistical check that a correct toolkit fails with probability <paramref name="probability"/>, registering it as it runs.</summary>
    public static void Check(bool passed, double probability, string what)
    {
        FalseFailureLedger.Register(what, probability);
        Assert.True(passed, what);
    }

    /// <summary>Asserts a statistical test's verdict at its own false-failure probability.</summary>
    public static void Check(StatisticalTestResult result, string what) => Check(result.Passed, result.FalseFailureProbability, $"{what}: {result}");

    /// <summary>Asserts a validation check's verdict at its own false-failure probability.</summary>
    public static void Check(CheckResult result, string what) => Check(result.Passed, result.Check.FalseFailureProbability, $"{what}: {result}");

    /// <summary>Asserts that a check caught a wrong sampler; it misses one with probability <paramref name="miss"/>, registered as it runs.</summary>
    public static void Caught(bool failed, double miss, string what)
    {
        FalseFailureLedger.Register($"{what} (miss)", miss);
        Assert.True(failed, what);
    }
}
