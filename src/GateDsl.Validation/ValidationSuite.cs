using GateDsl.Reference;

namespace GateDsl.Validation;

/// <summary>
/// The statistical validation suite of every toolkit sampler against its reference twin: law (KS,
/// float64 and float32) and mean (CLT) of every component, log density (deterministic), the
/// pathwise gradient of every component w.r.t. every parameter (conditional-mean test; per draw,
/// deterministic, for the monotone samplers), the correlation of the joint laws, the
/// Olkin-Liu joint CDF, the laws at small and large shapes, and the KL divergences.
/// </summary>
/// <remarks>
/// Error budget: the whole suite fails a correct toolkit with probability at most
/// <see cref="TotalFalseFailureBudget"/> = 1e-6. By Bonferroni (a union bound, valid whatever the
/// dependence between checks) the budget is split evenly over the statistical checks, each getting
/// alpha = 1e-6 / (number of statistical checks); deterministic checks (log density, closed-form KL)
/// spend none. The split is in docs/validation.md. Seeds are fixed, so a given build either passes
/// or fails reproducibly; the budget is the chance that a correct build is unlucky with its seeds.
/// </remarks>
public sealed class ValidationSuite
{
    /// <summary>Probability that the whole suite fails a correct toolkit (union bound).</summary>
    public const double TotalFalseFailureBudget = 1e-6;

    private ValidationSuite(SuiteSize size, IReadOnlyList<ValidationCheck> checks, int sampleSize, int gradientSampleSize, double perCheck)
    {
        Size = size;
        Checks = checks;
        SampleSize = sampleSize;
        GradientSampleSize = gradientSampleSize;
        PerCheckFalseFailureProbability = perCheck;
    }

    /// <summary>Quick or full.</summary>
    public SuiteSize Size { get; }

    /// <summary>The checks in run order.</summary>
    public IReadOnlyList<ValidationCheck> Checks { get; }

    /// <summary>Draws per law, mean, correlation and KL check.</summary>
    public int SampleSize { get; }

    /// <summary>Draws per gradient check.</summary>
    public int GradientSampleSize { get; }

    /// <summary>The false-failure probability of each statistical check (the budget over their count).</summary>
    public double PerCheckFalseFailureProbability { get; }

    /// <summary>Sum of the checks' false-failure probabilities (at most <see cref="TotalFalseFailureBudget"/>).</summary>
    public double TotalFalseFailureProbability => Checks.Sum(c => c.FalseFailureProbability);

    /// <summary>
    /// Draws per check for a size: quick 20,000 (gradients 10,000); full 400,000 (gradients 100,000).
    /// The full law size is the smallest clean number at which the law check (KS at the suite's per-check
    /// alpha) misses a 5% error in one parameter of Kumaraswamy, LogitNormal, RelaxedBernoulli, Logistic,
    /// Normal or Uniform with probability at most 1e-10 (Logistic scale, sup distance 0.0109, needs about
    /// 356,000; see docs/validation.md and MutationPowerTests).
    /// </summary>
    public static (int Law, int Gradient) SampleSizes(SuiteSize size)
        => size == SuiteSize.Quick ? (20_000, 10_000) : (400_000, 100_000);

    /// <summary>Parameter sets at extreme shapes, checked for their law only: small (1e-2..1e-1) and large (1e2..1e3).</summary>
    public static IReadOnlyList<(string Name, double[] Parameters)> ExtremeShapes { get; } =
    [
        ("Gamma", [0.05, 1.0]),
        ("Gamma", [400.0, 1.0]),
        ("Beta", [0.05, 0.1]),
        ("Beta", [200.0, 800.0]),
        ("BivariateBeta", [0.05, 0.08, 0.1]),
        ("BivariateBeta", [150.0, 300.0, 700.0]),
    ];

    /// <summary>Builds the suite of the given size.</summary>
    /// <param name="size">Quick or full sample sizes.</param>
    /// <param name="falseFailureBudget">Total false-failure probability to split (1e-6 by default; the test
    /// project runs the suite with a share of its own 1e-6 budget).</param>
    public static ValidationSuite Create(SuiteSize size, double falseFailureBudget = TotalFalseFailureBudget)
    {
        Guard(falseFailureBudget);
        var (n, nGrad) = SampleSizes(size);
        var builders = new List<Func<double, long, ValidationCheck>>();
        foreach (var e in DistributionCatalogue.All)
        {
            var p = e.ExampleParameters;
            for (var c = 0; c < e.ComponentCount; c++)
            {
                var comp = c;
                builders.Add((a, s) => Validation.Checks.Law(e, p, comp, n, a, s));
                builders.Add((a, s) => Validation.Checks.Mean(e, p, comp, n, a, s));
            }

            if (e.Name != "BivariateBeta5")
            {
                // The 5G pair has no closed-form joint density; its marginals are Betas, checked above.
                builders.Add((_, _) => Validation.Checks.LogDensity(e, p));
            }

            for (var c = 0; c < e.ComponentCount; c++)
            {
                var comp = c;
                builders.Add((a, s) => Validation.Checks.Law(e, p, comp, n, a, s, TorchSharp.torch.ScalarType.Float32));
            }

            for (var k = 0; k < p.Count; k++)
            {
                for (var c = 0; c < e.ComponentCount; c++)
                {
                    var (kk, comp) = (k, c);
                    builders.Add((a, s) => Validation.Checks.Gradient(e, p, kk, comp, nGrad, a, s));
                }

                if (Validation.Checks.IsMonotoneSampler(e, p))
                {
                    var kk = k;
                    builders.Add((_, s) => Validation.Checks.GradientPerDraw(e, p, kk, 2000, s));
                }
            }

            if (e.IsJoint)
            {
                builders.Add((a, s) => Validation.Checks.Correlation(e, p, n, a, s));
                if (e.Name == "BivariateBeta")
                {
                    builders.Add((a, s) => Validation.Checks.JointCdf(e, p, n, a, s));
                }
            }
        }

        foreach (var (name, p) in ExtremeShapes)
        {
            var e = DistributionCatalogue.Get(name);
            for (var c = 0; c < e.ComponentCount; c++)
            {
                var comp = c;
                builders.Add((a, s) => Validation.Checks.Law(e, p, comp, n, a, s));
            }
        }

        builders.Add((_, _) => Validation.Checks.KlClosedForm("Gamma", [2.5, 1.0], "Gamma", [0.5, 1.0], 1e-6));
        builders.Add((_, _) => Validation.Checks.KlClosedForm("Beta", [0.7, 2.5], "Beta", [2.0, 2.0], 1e-6));
        builders.Add((_, _) => Validation.Checks.KlClosedForm("Normal", [0.5, 1.5], "Normal", [0.0, 1.0], 1e-6));
        builders.Add((_, _) => Validation.Checks.KlClosedForm("Kumaraswamy", [2.0, 3.0], "Beta", [2.0, 4.0], 1e-4));
        builders.Add((a, s) => Validation.Checks.KlMonteCarlo("Beta", [0.7, 2.5], "Beta", [2.0, 2.0], n, a, s));
        builders.Add((a, s) => Validation.Checks.KlMonteCarlo("Gamma", [2.5, 1.0], "Gamma", [0.5, 1.0], n, a, s));

        // Count the statistical checks first (a probe with alpha 1 costs nothing: builders are lazy).
        var statistical = builders.Select(b => b(0.5, 0)).Count(c => c.IsStatistical);
        var perCheck = falseFailureBudget / statistical;
        var checks = builders.Select((b, i) => b(perCheck, 1000 + i)).ToArray();
        return new ValidationSuite(size, checks, n, nGrad, perCheck);
    }

    private static void Guard(double budget)
    {
        if (!(budget > 0 && budget < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(budget), budget, "the false-failure budget must be in (0, 1).");
        }
    }

    /// <summary>Runs every check against <paramref name="sampler"/> (the toolkit by default), reporting each result as it completes.</summary>
    public IReadOnlyList<CheckResult> Run(SamplerUnderTest? sampler = null, Action<CheckResult>? progress = null)
    {
        var s = sampler ?? SamplerUnderTest.Toolkit;
        var results = new List<CheckResult>(Checks.Count);
        foreach (var check in Checks)
        {
            var r = check.Run(s);
            results.Add(r);
            progress?.Invoke(r);
        }

        return results;
    }

    /// <summary>The per-check DKW band of a law check of this suite: the smallest sup|F - G| it is sure to see (miss probability 1e-3).</summary>
    public double DetectableCdfDistance(double missProbability = 1e-3)
        => Dkw.Epsilon(SampleSize, PerCheckFalseFailureProbability) + Dkw.Epsilon(SampleSize, missProbability);
}
