namespace GateDsl.Reference.Tests;

/// <summary>
/// The error budget of this test project: every assertion that can fail by chance for a correct
/// reference (a statistical check on random draws, false-failure probability alpha) or miss a
/// deliberately wrong law (a power test, miss probability beta) is listed here with its count, and
/// <see cref="BudgetTests"/> checks that the sum (union bound) stays within this project's share of
/// the repository's 1e-6 per run (docs/test-budget.md). Seeds are fixed (sampler seeds and FsCheck
/// Replay), so a run is reproducible; the budget is the chance that a correct reference meets
/// unlucky seeds after its random streams change. Deterministic checks (closed forms, quadrature,
/// FsCheck properties with tolerances) spend nothing.
/// </summary>
internal static class TestBudget
{
    /// <summary>This project's share of the 1e-6 per run.</summary>
    public const double Share = 1e-7;

    /// <summary>
    /// alpha of each statistical assertion that a correct law must pass. 5e-10 rather than the 1e-9
    /// that would just fit (99 x 1e-9 = 9.9e-8): the 36 moment checks are CLT approximations, and a
    /// second-order Edgeworth expansion at n = 41,829 puts the variance checks of Gamma(0.5),
    /// Gamma(3, 2) and Beta(0.5, 8) at 3.9, 1.8 and 1.9 times their nominal level (sum 1.05e-7 over
    /// the project at 1e-9). At 5e-10 the nominal sum is 5.55e-8 and the Edgeworth estimate 5.9e-8,
    /// leaving room for that approximation (docs/test-budget.md).
    /// </summary>
    public const double Alpha = 5e-10;

    /// <summary>beta (miss probability) of each power assertion that a wrong law must fail.</summary>
    public const double Beta = 1e-9;

    /// <summary>Counts per test class; the constants live next to the assertions they count.</summary>
    public static IReadOnlyList<(string What, int Count, double Probability)> Items { get; } =
    [
        ("null: KS, DKW, mean, variance on 18 univariate laws", NullHypothesisTests.UnivariateChecks, Alpha),
        ("null: Olkin-Liu chi-square, corner grid, 2 marginal KS, E[XY]", NullHypothesisTests.OlkinLiuChecks, Alpha),
        ("null: 5G 2 marginal KS, E[XY], chi-square, corner grid", NullHypothesisTests.FiveGammaChecks, Alpha),
        ("null: KS p-values uniform (two KS checks)", NullHypothesisTests.PValueChecks, Alpha),
        ("null: Gamma-ratio gradients pass the pathwise gradient test", PathwiseGradientTestTests.NullChecks, Alpha),
        ("power controls: the right marginals pass KS", PowerTests.ControlChecks, Alpha),
        ("power: wrong laws caught (KS, DKW, mean, variance, corner grid, chi-square)", PowerTests.PowerChecks, Beta),
        ("power: wrong gradient reference caught", PathwiseGradientTestTests.PowerChecks, Beta),
    ];

    /// <summary>Sum over the items.</summary>
    public static double Sum => Items.Sum(i => i.Count * i.Probability);
}
