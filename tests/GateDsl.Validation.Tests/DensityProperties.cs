using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GateDsl.Reference;
using TorchSharp;

namespace GateDsl.Validation.Tests;

/// <summary>
/// LogProb of every sampler against the reference log density at 200 reference quantiles (Olkin-Liu:
/// a 20 x 20 grid of marginal quantiles), over generated parameters. Deterministic comparisons: no
/// false-failure probability. Relative error max |lp - ref| / max(1, |ref|) below 1e-4 in float64;
/// in float32 below 1e-3 (float32 carries 6e-8 relative, and log densities at shapes near 1e3 are
/// differences of terms of size 1e3 to 1e4).
/// </summary>
public sealed class DensityProperties
{
    [Property(MaxTest = 60, Replay = "(20261130,9)")]
    public Property Univariate_log_prob_matches_reference_float64() =>
        Prop.ForAll(Arb.From(Generators.Univariate), c => AssertLogProb(c, 1e-4));

    [Property(MaxTest = 60, Replay = "(20261131,11)")]
    public Property Univariate_log_prob_matches_reference_float32() =>
        Prop.ForAll(Arb.From(Generators.Univariate), c => AssertLogProb(c.With(torch.ScalarType.Float32), 1e-3));

    [Property(MaxTest = 30, Replay = "(20261132,13)")]
    public Property Olkin_liu_joint_log_prob_matches_reference() =>
        Prop.ForAll(Arb.From(Generators.OlkinLiu), c =>
        {
            AssertLogProb(c, 1e-4);
            AssertLogProb(c.With(torch.ScalarType.Float32), 1e-3);
        });

    [Fact]
    public void Suite_log_density_checks_pass_for_every_catalogue_law_with_a_density()
    {
        foreach (var e in DistributionCatalogue.All.Where(e => e.Name != "BivariateBeta5"))
        {
            var r = Checks.LogDensity(e, e.ExampleParameters).Run(SamplerUnderTest.Toolkit);
            Assert.True(r.Passed, r.ToString());
        }
    }

    private static void AssertLogProb(LawCase c, double tolerance)
    {
        var e = c.Entry;
        double[][] points;
        double[] expected;
        var levels = Enumerable.Range(0, 200).Select(i => (i + 0.5) / 200).ToArray();
        if (e.IsJoint)
        {
            var joint = (BivariateBetaReference)e.CreateJointReference(c.Parameters);
            var qx = levels.Where((_, i) => i % 10 == 5).Select(joint.MarginalX.Quantile).ToArray();
            var qy = levels.Where((_, i) => i % 10 == 5).Select(joint.MarginalY.Quantile).ToArray();
            var pairs = qx.SelectMany(x => qy.Select(y => (x, y))).Where(p => Faithful(p.x, c) && Faithful(p.y, c)).ToArray();
            points = [pairs.Select(p => p.x).ToArray(), pairs.Select(p => p.y).ToArray()];
            expected = pairs.Select(p => joint.LogPdf(p.x, p.y)).ToArray();
        }
        else
        {
            var r = e.CreateReference(c.Parameters);
            var xs = levels.Select(r.Quantile).Where(x => Faithful(x, c, r.Support)).ToArray();
            points = [xs];
            expected = xs.Select(r.LogPdf).ToArray();
        }

        if (points[0].Length == 0)
        {
            return;
        }

        var actual = SamplerUnderTest.Toolkit.LogProb(e, c.Parameters, points, c.DType);
        for (var i = 0; i < actual.Length; i++)
        {
            var err = Math.Abs(actual[i] - expected[i]) / Math.Max(1, Math.Abs(expected[i]));
            Assert.True(err <= tolerance,
                $"{c} at ({string.Join(", ", points.Select(p => p[i].ToString("R")))}): log prob {actual[i]:R} vs reference {expected[i]:R} (relative {err:G3})");
        }
    }

    /// <summary>
    /// Points the dtype represents faithfully (see <see cref="LawTest.Window"/>). In float32 the point
    /// is rounded on the way in (relative 6e-8), which moves the log density by 6e-8 |x f'(x)/f(x)|:
    /// inside the float32 tolerance at the quantiles used here.
    /// </summary>
    private static bool Faithful(double x, LawCase c, SupportKind support = SupportKind.UnitInterval)
    {
        var (lo, hi) = LawTest.Window(support, c.DType);
        return x > lo && x < hi;
    }
}
