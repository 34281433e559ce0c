using System.Collections.Concurrent;

namespace GateDsl.TestSupport;

/// <summary>
/// What the statistical assertions of one test run may cost: every assertion that can fail by chance
/// for a correct implementation (false-failure probability alpha) or pass a deliberately wrong one
/// (miss probability beta) registers that probability here at the moment it runs, and each test
/// project's budget test, which runs after all the others, holds the sum of what ran to the project's
/// share of the repository's 1e-6 (docs/test-budget.md). A new statistical assertion therefore adds to
/// the sum without anyone editing a count. One ledger per process, and dotnet test runs one test
/// assembly per process.
/// </summary>
public static class FalseFailureLedger
{
    private static readonly ConcurrentQueue<(string What, double Probability)> Spent = new();

    /// <summary>Records that a statistical assertion ran. Range: probability in (0, 1).</summary>
    /// <param name="what">What the assertion checks (for the budget test's message).</param>
    /// <param name="probability">Its false-failure (or miss) probability.</param>
    public static void Register(string what, double probability)
    {
        ArgumentException.ThrowIfNullOrEmpty(what);
        if (!(probability > 0 && probability < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, $"{what}: a statistical assertion's probability must be in (0, 1).");
        }

        Spent.Enqueue((what, probability));
    }

    /// <summary>Every registration so far, in order.</summary>
    public static IReadOnlyList<(string What, double Probability)> Entries => Spent.ToArray();

    /// <summary>Sum of the registered probabilities (the union bound over what ran).</summary>
    public static double Total => Spent.Sum(e => e.Probability);

    /// <summary>
    /// One line for a budget test's message and output: the number of registrations, their sum, and the
    /// five largest groups (a group is the text of <c>what</c> before its first ':').
    /// </summary>
    public static string Summary()
    {
        var entries = Entries;
        var largest = entries.GroupBy(e => e.What.Split(':')[0])
            .Select(g => (g.Key, Count: g.Count(), Sum: g.Sum(e => e.Probability)))
            .OrderByDescending(g => g.Sum).Take(5)
            .Select(g => $"{g.Key} ({g.Count}): {g.Sum:G3}");
        return $"{entries.Count} statistical assertions ran, sum {entries.Sum(e => e.Probability):G4}; largest: {string.Join("; ", largest)}";
    }
}
