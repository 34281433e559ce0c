namespace GateDsl.Reference;

/// <summary>
/// The outcome of one statistical test with its error budget spelled out. A test passes when
/// <see cref="Statistic"/> &lt;= <see cref="Threshold"/>; under the null hypothesis that happens
/// with probability at least 1 - <see cref="FalseFailureProbability"/> (exactly, or by the bound or
/// asymptotic approximation the producing test documents). The Kolmogorov-Smirnov test decides by
/// its p-value instead; its threshold agrees with that verdict except within the p-value's
/// documented error (see <see cref="KolmogorovSmirnov.OneSample(IReadOnlyCollection{double}, Func{double, double}, double)"/>).
/// </summary>
/// <param name="Test">Which test produced this, e.g. <c>KolmogorovSmirnov</c>.</param>
/// <param name="SampleSize">Number of draws used.</param>
/// <param name="Statistic">The observed statistic (non-negative, larger means further from the null).</param>
/// <param name="Threshold">The largest statistic that still passes at the stated false-failure probability.</param>
/// <param name="PValue">P(statistic at least as large | null), or a bound on it; null when not meaningful.</param>
/// <param name="FalseFailureProbability">The chance, under the null, that the test fails anyway.</param>
/// <param name="Passed">Whether the statistic stayed within the threshold.</param>
public sealed record StatisticalTestResult(
    string Test,
    int SampleSize,
    double Statistic,
    double Threshold,
    double? PValue,
    double FalseFailureProbability,
    bool Passed)
{
    /// <summary>One line for assertion messages.</summary>
    public override string ToString() =>
        $"{Test}: n={SampleSize}, statistic={Statistic:G6}, threshold={Threshold:G6}, " +
        $"p={(PValue is { } p ? p.ToString("G4", System.Globalization.CultureInfo.InvariantCulture) : "n/a")}, " +
        $"false-failure probability={FalseFailureProbability:G3}, {(Passed ? "passed" : "FAILED")}";
}
