using GateDsl.Distributions;
using GateDsl.Reference;
using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Validation;

/// <summary>
/// Builders of the individual checks, each for one catalogue entry and parameter set, a sample
/// size, a false-failure probability and a seed. <see cref="ValidationSuite"/> lists them; tests
/// call them directly (also with deliberately wrong samplers, to show their power).
/// </summary>
public static class Checks
{
    /// <summary>Relative tolerance of log densities against the reference in float64.</summary>
    public const double LogDensityTolerance = 1e-4;

    /// <summary>Relative tolerance of per-draw pathwise gradients against the implicit-gradient reference (float64).</summary>
    public const double PerDrawGradientTolerance = 1e-3;

    /// <summary>One-sample KS test of one component against the reference marginal CDF.</summary>
    public static ValidationCheck Law(CatalogueEntry entry, IReadOnlyList<double> p, int component, int n, double alpha, long seed, ScalarType dtype = ScalarType.Float64)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new ValidationCheck(entry.Describe(p), $"law {entry.ComponentNames[component]} (KS{Suffix(dtype)})", alpha, s =>
        {
            var draws = s.Draw(entry, p, n, seed, dtype)[component];
            return CheckOutcome.From(LawTest.Ks(draws, entry.MarginalReference(p, component), alpha, dtype));
        });
    }

    /// <summary>CLT test of the sample mean of one component against the reference mean (reference variance).</summary>
    public static ValidationCheck Mean(CatalogueEntry entry, IReadOnlyList<double> p, int component, int n, double alpha, long seed)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new ValidationCheck(entry.Describe(p), $"mean {entry.ComponentNames[component]} (CLT)", alpha, s =>
        {
            var draws = s.Draw(entry, p, n, seed)[component];
            var r = entry.MarginalReference(p, component);
            return CheckOutcome.From(MomentTest.Mean(draws, r.Mean, r.Variance, alpha));
        });
    }

    /// <summary>
    /// Log density against the reference at 200 reference quantiles (a 20 x 20 grid of marginal
    /// quantiles for the Olkin-Liu pair): max |lp - ref| / max(1, |ref|) &lt;= 1e-4. Deterministic.
    /// </summary>
    public static ValidationCheck LogDensity(CatalogueEntry entry, IReadOnlyList<double> p)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new ValidationCheck(entry.Describe(p), "log density (float64)", 0, s =>
        {
            double[][] points;
            double[] expected;
            if (entry.IsJoint)
            {
                var joint = (BivariateBetaReference)entry.CreateJointReference(p);
                var qx = Levels(20).Select(joint.MarginalX.Quantile).ToArray();
                var qy = Levels(20).Select(joint.MarginalY.Quantile).ToArray();
                points = [new double[qx.Length * qy.Length], new double[qx.Length * qy.Length]];
                var k = 0;
                foreach (var x in qx)
                {
                    foreach (var y in qy)
                    {
                        points[0][k] = x;
                        points[1][k++] = y;
                    }
                }

                expected = points[0].Select((x, i) => joint.LogPdf(x, points[1][i])).ToArray();
            }
            else
            {
                var r = entry.CreateReference(p);
                points = [Levels(200).Select(r.Quantile).ToArray()];
                expected = points[0].Select(r.LogPdf).ToArray();
            }

            var actual = s.LogProb(entry, p, points);
            var err = actual.Select((a, i) => Math.Abs(a - expected[i]) / Math.Max(1, Math.Abs(expected[i]))).Max();
            return CheckOutcome.Deterministic($"max relative error over {actual.Length} points", err, LogDensityTolerance);
        });
    }

    /// <summary>Pathwise gradient of one component w.r.t. one parameter: conditional-mean test (see <see cref="GradientCheck"/>).</summary>
    public static ValidationCheck Gradient(CatalogueEntry entry, IReadOnlyList<double> p, int parameterIndex, int component, int n, double alpha, long seed, ScalarType dtype = ScalarType.Float64)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var property = $"d{entry.ComponentNames[component]}/d{entry.ParameterNames[parameterIndex]} (implicit gradient{Suffix(dtype)})";
        return new ValidationCheck(entry.Describe(p), property, alpha, s =>
        {
            var draw = s.DrawWithGradient(entry, p, parameterIndex, component, n, seed, dtype);
            var reference = GradientCheck.Reference(entry, p, component, parameterIndex);
            var tolerance = dtype == ScalarType.Float32 ? 2e-2 : GradientCheck.DefaultTolerance;
            return CheckOutcome.From(GradientCheck.ConditionalMean(draw, reference, entry.MarginalReference(p, component), alpha, tolerance: tolerance, dtype: dtype));
        });
    }

    /// <summary>
    /// Per-draw pathwise gradient for samplers whose draw is a monotone function of one noise variable
    /// (see <see cref="GradientCheck"/>): max relative error &lt;= 1e-3 in float64 over draws in the
    /// central 99.8%. Deterministic given the seed.
    /// </summary>
    public static ValidationCheck GradientPerDraw(CatalogueEntry entry, IReadOnlyList<double> p, int parameterIndex, int n, long seed)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new ValidationCheck(entry.Describe(p), $"dx/d{entry.ParameterNames[parameterIndex]} per draw", 0, s =>
        {
            var draw = s.DrawWithGradient(entry, p, parameterIndex, 0, n, seed);
            var err = GradientCheck.MaxRelativeError(draw, GradientCheck.Reference(entry, p, 0, parameterIndex), entry.CreateReference(p));
            return CheckOutcome.Deterministic($"max relative error over {n} draws", err, PerDrawGradientTolerance);
        });
    }

    /// <summary>Whether a catalogue law's draw is a monotone function of one noise variable at these parameters.</summary>
    public static bool IsMonotoneSampler(CatalogueEntry entry, IReadOnlyList<double> p)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(p);
        return !entry.IsJoint && entry.Name != "Beta" && (entry.Name != "Gamma" || p[0] >= 1);
    }

    /// <summary>Sample correlation of a joint law against the reference correlation, delta-method CLT bound.</summary>
    public static ValidationCheck Correlation(CatalogueEntry entry, IReadOnlyList<double> p, int n, double alpha, long seed)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new ValidationCheck(entry.Describe(p), "correlation (CLT)", alpha, s =>
        {
            var d = s.Draw(entry, p, n, seed);
            var c = CorrelationTest.Test(d[0], d[1], entry.CreateJointReference(p).Correlation, alpha);
            return CheckOutcome.From(c.Test) with { Detail = $"sample {Format.Number(c.Sample)} vs reference {Format.Number(c.Reference)}, n = {n}, p = {Format.Probability(c.Test.PValue ?? 1)}" };
        });
    }

    /// <summary>Joint CDF at the interior corners of a k x k quantile grid (Hoeffding + union bound): sees dependence.</summary>
    public static ValidationCheck JointCdf(CatalogueEntry entry, IReadOnlyList<double> p, int n, double alpha, long seed, int cells = 5)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new ValidationCheck(entry.Describe(p), $"joint CDF ({cells}x{cells} grid)", alpha, s =>
        {
            var d = s.Draw(entry, p, n, seed);
            var grid = JointGrid.Create((IReferenceJointCdf2)entry.CreateJointReference(p), cells);
            return CheckOutcome.From(JointCdfGridCheck.Check(d[0], d[1], grid, alpha));
        });
    }

    /// <summary>The registered closed-form KL(p || q) against quadrature of the reference densities. Deterministic.</summary>
    public static ValidationCheck KlClosedForm(string name, IReadOnlyList<double> p, string qName, IReadOnlyList<double> q, double tolerance)
    {
        var (ep, eq) = (DistributionCatalogue.Get(name), DistributionCatalogue.Get(qName));
        return new ValidationCheck($"KL({ep.Describe(p)} || {eq.Describe(q)})", "closed form vs quadrature", 0, _ =>
        {
            using var scope = torch.NewDisposeScope();
            var kl = KlDivergence.Compute(ep.CreateSampler(p, ScalarType.Float64), eq.CreateSampler(q, ScalarType.Float64));
            var value = kl.Value.item<double>();
            var reference = KullbackLeibler.ByQuadrature(ep.CreateReference(p), eq.CreateReference(q));
            var err = Math.Abs(value - reference) / Math.Max(1e-3, Math.Abs(reference));
            return CheckOutcome.Deterministic($"{kl.Method} {Format.Number(value)} vs quadrature {Format.Number(reference)} (relative error)", err, tolerance);
        });
    }

    /// <summary>
    /// Monte Carlo KL (mean of log p - log q over n draws of p) against the closed form:
    /// |mc - exact| &lt;= z(alpha/2) SE with SE the sample standard error (CLT).
    /// </summary>
    public static ValidationCheck KlMonteCarlo(string name, IReadOnlyList<double> p, string qName, IReadOnlyList<double> q, int n, double alpha, long seed)
    {
        var (ep, eq) = (DistributionCatalogue.Get(name), DistributionCatalogue.Get(qName));
        return new ValidationCheck($"KL({ep.Describe(p)} || {eq.Describe(q)})", "Monte Carlo vs closed form (CLT)", alpha, s =>
        {
            var x = s.Draw(ep, p, n, seed);
            var lp = s.LogProb(ep, p, x);
            var lq = s.LogProb(eq, q, x);
            var diff = lp.Select((v, i) => v - lq[i]).ToArray();
            using var scope = torch.NewDisposeScope();
            var exact = KlDivergence.Compute(ep.CreateSampler(p, ScalarType.Float64), eq.CreateSampler(q, ScalarType.Float64)).Value.item<double>();
            var m = Descriptive.Mean(diff);
            var se = Math.Sqrt(Descriptive.Variance(diff) / n);
            var z = MomentTest.TwoSidedZ(alpha);
            return new CheckOutcome(Math.Abs(m - exact), z * se, Math.Abs(m - exact) <= z * se, $"Monte Carlo {Format.Number(m)} vs {Format.Number(exact)}, n = {n}");
        });
    }

    private static IEnumerable<double> Levels(int m) => Enumerable.Range(0, m).Select(i => (i + 0.5) / m);

    private static string Suffix(ScalarType dtype) => dtype == ScalarType.Float32 ? ", float32" : string.Empty;
}
