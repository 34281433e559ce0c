using GateDsl.Compiler;
using GateDsl.Distributions;
using GateDsl.Language;
using GateDsl.Language.Binding;
using GateDsl.Reference;
using TorchSharp;

namespace GateDsl.Validation;

/// <summary>
/// Draws from a distribution call and reports on the draws: a toolkit law is drawn with its
/// TorchSharp sampler and set against its reference twin; a law without a twin (a user
/// distribution from an import file, or Bernoulli) is drawn with the language's
/// <see cref="DistributionEvaluator"/> and gets sample statistics only.
/// </summary>
public static class SampleAnalysis
{
    /// <summary>
    /// False-failure probability of the verdicts a sample report prints (KS per component, the
    /// correlation bound): 1e-3 each, a single user-run check rather than a suite.
    /// </summary>
    public const double ReportFalseFailureProbability = 1e-3;

    /// <summary>
    /// n draws of a compiled call. A standard-library call whose callee has
    /// a catalogue entry of the same name (every stdlib law but Bernoulli) goes to
    /// <see cref="Sample(string, double[], int, long)"/> with the call's folded arguments (defaults
    /// filled in by the binder, in the same parameter order as the catalogue), so it gets references,
    /// KS and the correlation bound. Anything else is sampled by the evaluator, seeded with
    /// <paramref name="seed"/>, without references. Throws <see cref="DistributionParameterException"/>
    /// (an <see cref="ArgumentException"/>) for parameter values a sampler rejects at run time (e.g. <c>Uniform(2, 1)</c>).
    /// </summary>
    public static SampleReport Sample(StandaloneCall call, int n, long seed)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 3);
        var definition = call.Distribution;

        if (call.IsStandardLibrary && DistributionCatalogue.Find(definition.Name) is { } entry)
        {
            return Sample(entry.Name, call.Arguments.ToArray(), n, seed);
        }

        return SampleWithoutReference(call, definition, n, seed);
    }

    /// <summary>
    /// n draws of <paramref name="distributionName"/> with <paramref name="parameters"/> (defaults
    /// applied to missing trailing ones) from a generator seeded with <paramref name="seed"/>, in
    /// float64; per component the sample and reference mean and variance, quantiles and the KS
    /// test; for joint laws the sample and reference correlation with its delta-method CLT bound.
    /// Throws <see cref="ArgumentException"/> for unknown names or wrong arity, and its subclass
    /// <see cref="DistributionParameterException"/> for invalid parameter values (checked before any draw).
    /// </summary>
    public static SampleReport Sample(string distributionName, double[] parameters, int n, long seed)
        => Sample(distributionName, parameters, n, seed, SamplerUnderTest.Toolkit);

    /// <summary>
    /// As <see cref="Sample(string, double[], int, long)"/> with a given sampler (tests use wrong ones). Where
    /// the reference twin is not validated at the parameters (<see cref="CatalogueEntry.ReferenceProblem"/>)
    /// or cannot compute a value there (a NaN correlation), the report carries sample statistics only and
    /// says why, rather than an unchecked reference value.
    /// </summary>
    public static SampleReport Sample(string distributionName, double[] parameters, int n, long seed, SamplerUnderTest sampler)
    {
        ArgumentNullException.ThrowIfNull(sampler);
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 3);
        var entry = DistributionCatalogue.Get(distributionName);
        var p = entry.Complete(parameters);

        // The toolkit's own parameter validation first: one clean line naming the parameter and its
        // range (DistributionParameterException), before the references, whose checks speak .NET.
        entry.ValidateParameters(p);
        if (entry.ReferenceProblem(p) is { } outOfRange)
        {
            return WithoutReference(entry.Name, entry.ParameterNames, p, outOfRange, n, seed, sampler.Draw(entry, p, n, seed));
        }

        var marginals = Enumerable.Range(0, entry.ComponentCount).Select(c => entry.MarginalReference(p, c)).ToArray();
        var referenceCorrelation = entry.IsJoint ? entry.CreateJointReference(p).Correlation : 0.0;
        var draws = sampler.Draw(entry, p, n, seed);
        if (double.IsNaN(referenceCorrelation))
        {
            return WithoutReference(entry.Name, entry.ParameterNames, p,
                $"the reference of {entry.Name} cannot compute its correlation to 1e-4 at these parameters", n, seed, draws);
        }

        if (Unresolved(draws) is { } coarse)
        {
            return WithoutReference(entry.Name, entry.ParameterNames, p,
                $"the draws of {entry.ComponentNames[coarse.Component]} take only {coarse.Distinct} distinct float64 value(s) in {n}: the law's spread is below the float64 spacing at its location, where a comparison with its continuous reference would reject correct draws", n, seed, draws);
        }

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
            ? CorrelationTest.Test(draws[0], draws[1], referenceCorrelation, ReportFalseFailureProbability)
            : null;
        var pairs = correlation is { } r
            ? new[] { new SampleCorrelation(entry.ComponentNames[0], entry.ComponentNames[1], r.Sample, r.StandardError) }
            : Array.Empty<SampleCorrelation>();
        return new SampleReport(entry.Name, entry.ParameterNames, p, entry, null, n, seed, components, correlation, pairs, draws);
    }

    /// <summary>Component labels: <c>x</c>; <c>x</c>, <c>y</c>; or <c>x1</c>..<c>xk</c> for larger tuples.</summary>
    public static IReadOnlyList<string> ComponentNames(int count) => count switch
    {
        1 => ["x"],
        2 => ["x", "y"],
        _ => Enumerable.Range(1, count).Select(i => $"x{i}").ToArray(),
    };

    private static SampleReport SampleWithoutReference(StandaloneCall call, DistributionDefinition definition, int n, long seed)
    {
        var reason = definition is BoundDistribution user && !call.IsStandardLibrary
            ? $"{definition.Name} comes from {user.Source.Path}, not the standard library: no reference law, sample statistics only"
            : $"{definition.Name} has no reference twin in GateDsl.Reference (a discrete law): sample statistics only";
        return WithoutReference(definition.Name, definition.Parameters.Select(p => p.Name).ToArray(), call.Arguments.ToArray(), reason, n, seed, DrawWithEvaluator(call, n, seed));
    }

    /// <summary>A report of sample statistics only (means, variances, quantiles, pairwise correlations), with the reason there is no reference.</summary>
    /// <summary>
    /// The first component whose draws take fewer than min(100, n/2) distinct values, or null. A law that float64
    /// cannot resolve (Normal(1e300, 1): every draw is 1e300; Uniform(-5e-324, 5e-324): three values) is a handful
    /// of atoms in the dtype, and the KS test against its continuous reference rejects correct draws (p = 0 on
    /// every seed). Counting stops at the threshold, so 5e7 draws cost no more than a few hundred.
    /// </summary>
    private static (int Component, int Distinct)? Unresolved(double[][] draws)
    {
        for (var c = 0; c < draws.Length; c++)
        {
            var threshold = Math.Min(100, draws[c].Length / 2);
            var seen = new HashSet<double>();
            foreach (var x in draws[c])
            {
                if (seen.Add(x) && seen.Count >= threshold)
                {
                    break;
                }
            }

            if (seen.Count < threshold)
            {
                return (c, seen.Count);
            }
        }

        return null;
    }

    private static SampleReport WithoutReference(string name, IReadOnlyList<string> parameterNames, IReadOnlyList<double> parameters, string reason, int n, long seed, double[][] draws)
    {
        var names = ComponentNames(draws.Length);
        var levels = Descriptive.ReportLevels;
        var components = draws.Select((d, c) => new ComponentReport(
            names[c], Descriptive.Mean(d), Descriptive.Variance(d), null, null, levels, Descriptive.Quantiles(d, levels), null, null)).ToArray();
        var pairs = new List<SampleCorrelation>();
        for (var i = 0; i < draws.Length; i++)
        {
            for (var j = i + 1; j < draws.Length; j++)
            {
                var (r, se) = CorrelationTest.SampleWithStandardError(draws[i], draws[j]);
                pairs.Add(new SampleCorrelation(names[i], names[j], r, se));
            }
        }

        return new SampleReport(name, parameterNames, parameters, null, reason, n, seed, components, null, pairs, draws);
    }

    /// <summary>n draws with a generator seeded with <paramref name="seed"/>, one double array per value component.</summary>
    private static double[][] DrawWithEvaluator(StandaloneCall call, int n, long seed)
    {
        var evaluator = DistributionEvaluator.Seeded(unchecked((ulong)seed));
        try
        {
            using var scope = torch.NewDisposeScope();
            return evaluator.Sample(call, n)
                .Select(t =>
                {
                    using var d = t.detach().to(torch.ScalarType.Float64).cpu().contiguous();
                    return d.data<double>().ToArray();
                })
                .ToArray();
        }
        finally
        {
            evaluator.Generator?.Dispose();
        }
    }
}
