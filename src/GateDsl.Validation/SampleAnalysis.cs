using GateDsl.Reference;

namespace GateDsl.Validation;

/// <summary>Draws from a toolkit sampler and sets the draws against the reference twin.</summary>
public static class SampleAnalysis
{
    /// <summary>
    /// False-failure probability of the verdicts a sample report prints (KS per component, the
    /// correlation bound): 1e-3 each, a single user-run check rather than a suite.
    /// </summary>
    public const double ReportFalseFailureProbability = 1e-3;

    /// <summary>
    /// n draws of <paramref name="distributionName"/> with <paramref name="parameters"/> (defaults
    /// applied to missing trailing ones) from a generator seeded with <paramref name="seed"/>, in
    /// float64; per component the sample and reference mean and variance, quantiles and the KS
    /// test; for joint laws the sample and reference correlation with its delta-method CLT bound.
    /// Throws <see cref="ArgumentException"/> for unknown names, wrong arity or invalid parameters.
    /// </summary>
    public static SampleReport Sample(string distributionName, double[] parameters, int n, long seed)
        => Sample(distributionName, parameters, n, seed, SamplerUnderTest.Toolkit);

    /// <summary>As <see cref="Sample(string, double[], int, long)"/> with a given sampler (tests use wrong ones).</summary>
    public static SampleReport Sample(string distributionName, double[] parameters, int n, long seed, SamplerUnderTest sampler)
    {
        ArgumentNullException.ThrowIfNull(sampler);
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 3);
        var entry = DistributionCatalogue.Get(distributionName);
        var p = entry.Complete(parameters);

        // References first: they validate the parameters in double precision with clear messages.
        var marginals = Enumerable.Range(0, entry.ComponentCount).Select(c => entry.MarginalReference(p, c)).ToArray();
        var draws = sampler.Draw(entry, p, n, seed);
        var levels = Descriptive.ReportLevels;
        var components = marginals.Select((r, c) => new ComponentReport(
            entry.ComponentNames[c],
            Descriptive.Mean(draws[c]),
            Descriptive.Variance(draws[c]),
            r.Mean,
            r.Variance,
            levels,
            Descriptive.Quantiles(draws[c], levels),
            levels.Select(r.Quantile).ToArray(),
            LawTest.Ks(draws[c], r, ReportFalseFailureProbability))).ToArray();
        CorrelationResult? correlation = entry.IsJoint
            ? CorrelationTest.Test(draws[0], draws[1], entry.CreateJointReference(p).Correlation, ReportFalseFailureProbability)
            : null;
        return new SampleReport(entry, p, n, seed, components, correlation, draws);
    }
}
