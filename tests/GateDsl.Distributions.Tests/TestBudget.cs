namespace GateDsl.Distributions.Tests;

/// <summary>
/// The error budget of this test project: every assertion that can fail by chance for a correct
/// sampler (a statistical check on random draws, false-failure probability alpha) goes through
/// <see cref="Check(bool, string)"/>, which registers it in the <see cref="FalseFailureLedger"/> when it runs, and
/// <see cref="BudgetTests"/>, which runs after all the others, holds the sum of what ran (union bound,
/// valid whatever the dependence between checks) within this project's share of the repository's 1e-6
/// per run (docs/test-budget.md), with 0.4 of it kept as headroom for the CLT checks. Seeds are fixed (generator seeds and FsCheck Replay) and were chosen before
/// running, so a run is reproducible; the budget is the chance that a correct toolkit meets unlucky
/// seeds after its random streams change. Deterministic checks (hand values, closed forms, shapes,
/// validation messages, disposal counts, draws inside the open support) spend nothing; so do the
/// exact-inequality checks whose failure needs a tie of continuous draws (different seeds give equal
/// draws, a per-draw gradient vector that is zero in all 64 entries): below 1e-100 each.
/// </summary>
internal static class TestBudget
{
    /// <summary>This project's share of the 1e-6 per run.</summary>
    public const double Share = 4e-8;

    /// <summary>
    /// alpha of each statistical assertion (Bonferroni: 79 checks, nominal sum 2.37e-8, 0.59 x share).
    /// The headroom is kept, as in GateDsl.Reference.Tests, for the CLT checks (moments, mean
    /// gradients, Monte Carlo KL), whose level is nominal: far in the tail an Edgeworth correction can
    /// put a heavy-tailed variance check at a few times it, although at the sizes here (n of 3e5) the
    /// correction is several times smaller than at Reference's n = 41,829.
    /// </summary>
    public const double Alpha = 3e-10;

    /// <summary>Two-sided normal quantile for <see cref="Alpha"/>: 2 (1 - Phi(Z)) = 3e-10 (mpmath; checked in BudgetTests).</summary>
    public const double Z = 6.29878;

    /// <summary>Two-sided quantile of Student's t with 49 degrees of freedom at <see cref="Alpha"/> (mpmath betainc; checked in BudgetTests).</summary>
    public const double T49 = 7.87196;

    /// <summary>
    /// Draws for a CLT check that keeps the resolution it had before the audit: a bound of Z standard
    /// errors is <paramref name="resolution"/> standard deviations when n = (Z / resolution)^2 (the old
    /// checks were 5 standard errors at n_old, resolution 5 / sqrt(n_old)).
    /// </summary>
    public static int CltSize(double resolution) => (int)Math.Ceiling(Math.Pow(Z / resolution, 2));

    /// <summary>DKW: n = ceil(ln(2 / alpha) / (2 eps^2)) for a band of half-width eps at <see cref="Alpha"/>.</summary>
    public static int DkwSize(double eps) => (int)Math.Ceiling(Math.Log(2.0 / Alpha) / (2.0 * eps * eps));

    /// <summary>Asserts a statistical check that a correct sampler fails with probability <see cref="Alpha"/>, registering it as it runs.</summary>
    public static void Check(bool passed, string what) => Check(passed, Alpha, what);

    /// <summary>Asserts a statistical check that a correct sampler fails with probability <paramref name="probability"/>, registering it as it runs.</summary>
    public static void Check(bool passed, double probability, string what)
    {
        FalseFailureLedger.Register(what, probability);
        Assert.True(passed, what);
    }
}
