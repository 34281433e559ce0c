using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GateDsl.Distributions;
using GateDsl.Reference;
using TorchSharp;

namespace GateDsl.Validation.Tests;

/// <summary>
/// KL divergences: the toolkit's closed forms against quadrature of the reference densities
/// (deterministic), and the toolkit's Monte Carlo estimate against the closed form (CLT, 1e-9 per case).
/// </summary>
public sealed class KlProperties
{
    public const int MonteCarloCases = 12;

    private static Gen<KlCase> Pairs { get; } = Gen.OneOf(
        Generators.Shape.SelectMany(a => Generators.ModerateShape.SelectMany(a0 => Generators.LogUniform(0.3, 3).Two().Select(r => new KlCase("Gamma", [a, r.Item1], "Gamma", [a0, r.Item2])))),
        Generators.ModerateShape.Four().Select(t => new KlCase("Beta", [t.Item1, t.Item2], "Beta", [t.Item3, t.Item4])),
        Generators.Shape.Two().SelectMany(a => Generators.ModerateShape.Two().Select(b => new KlCase("Beta", [a.Item1, a.Item2], "Beta", [b.Item1, b.Item2]))),
        Generators.Uniform(-3, 3).Two().SelectMany(m => Generators.LogUniform(0.2, 5).Two().Select(s => new KlCase("Normal", [m.Item1, s.Item1], "Normal", [m.Item2, s.Item2]))));

    /// <summary>
    /// Gamma, Beta and Normal closed forms vs quadrature: relative 1e-6 (absolute 1e-9 near 0), and
    /// 1e-4 when a shape of the first law is below 0.1, where both sides carry errors above 1e-6:
    /// for Beta(0.044, 0.021) || Beta(0.42, 1.34) mpmath (30 digits) gives 41.4043529029, the
    /// reference closed form agrees to 1e-15, the toolkit's (torch float64 digamma/lgamma) is 1.3e-6
    /// low and the quadrature 6e-6 low; for Ga(0.0194, 1.80) || Ga(2.07, 0.71) the quadrature is
    /// 2e-5 low (mpmath agrees with the closed form). Below shape 0.05 the quadrature cannot be the
    /// reference at all: a Gamma(0.01) has mass e^-7 below e^-700, beyond the log-space range any
    /// double pair can represent (its KL came out 0.6% low), so there the toolkit is held against
    /// the reference library's closed form (checked against mpmath above) at relative 1e-5. The
    /// first law's shapes come from all regimes (small, moderate, large), the second's (the prior's)
    /// are moderate. With both ends extreme (Ga(0.019, 0.71) || Ga(600, 0.34), KL = 3.5e4) closed form
    /// and quadrature differ by 1.7e-5 relative: a KL of 3.5e4 nats is a cancellation of terms of
    /// size 3e4 in either method, outside what this property claims.
    /// </summary>
    [Property(MaxTest = 60, Replay = "(20261136,21)")]
    public Property Closed_form_kl_matches_quadrature() =>
        Prop.ForAll(Arb.From(Pairs), c =>
        {
            var (p, q) = (DistributionCatalogue.Get(c.P), DistributionCatalogue.Get(c.Q));
            using var scope = torch.NewDisposeScope();
            var kl = KlDivergence.Compute(p.CreateSampler(c.Pp, torch.ScalarType.Float64), q.CreateSampler(c.Qp, torch.ScalarType.Float64));
            Assert.Equal(KlMethod.Exact, kl.Method);
            var value = kl.Value.item<double>();
            var small = c.P != "Normal" && c.Pp.Min() < 0.05;
            var reference = small ? ReferenceClosedForm(c) : KullbackLeibler.ByQuadrature(p.CreateReference(c.Pp), q.CreateReference(c.Qp));
            var tolerance = small ? 1e-5 : c.P != "Normal" && c.Pp.Min() < 0.1 ? 1e-4 : 1e-6;
            Assert.True(Math.Abs(value - reference) <= tolerance * Math.Abs(reference) + 1e-9,
                $"KL({p.Describe(c.Pp)} || {q.Describe(c.Qp)}): closed form {value:R} vs quadrature {reference:R}");
        });

    private static double ReferenceClosedForm(KlCase c) => c.P == "Gamma"
        ? KullbackLeibler.Gamma(c.Pp[0], c.Pp[1], c.Qp[0], c.Qp[1])
        : KullbackLeibler.Beta(c.Pp[0], c.Pp[1], c.Qp[0], c.Qp[1]);

    /// <summary>
    /// Kumaraswamy || Beta (truncated series, 100 terms + tail estimate) vs quadrature: relative 1e-3
    /// for Kumaraswamy b in 1..5 (other shapes 0.5..5); 5.6e-4 seen at K(2.19, 1.38) || B(3.66, 2.77). The toolkit documents "an error of order 1e-5
    /// for shapes of order 1"; this property found 1.1e-4 relative (4e-5 absolute) at
    /// K(2.62, 1.76) || B(1.78, 2.25), where quadrature and the series with 1e6 terms agree to 1e-9
    /// (0.3695959368) and the toolkit gives 0.3695548; for b below 1 the error reaches 1e-3 (the
    /// tail decays like m^-(b+1)). Reported to the Distributions owners; the bound here is what holds.
    /// </summary>
    [Property(MaxTest = 30, Replay = "(20261137,23)")]
    public Property Kumaraswamy_beta_kl_series_matches_quadrature() =>
        Prop.ForAll(Arb.From(Generators.LogUniform(0.5, 5).Four()), t =>
        {
            double[] kp = [t.Item1, 1 + (t.Item2 - 0.5) * 4 / 4.5];
            double[] bp = [t.Item3, t.Item4];
            using var scope = torch.NewDisposeScope();
            var kl = KlDivergence.Compute(
                DistributionCatalogue.Get("Kumaraswamy").CreateSampler(kp, torch.ScalarType.Float64),
                DistributionCatalogue.Get("Beta").CreateSampler(bp, torch.ScalarType.Float64));
            var value = kl.Value.item<double>();
            var reference = KullbackLeibler.ByQuadrature(new KumaraswamyReference(kp[0], kp[1]), new BetaReference(bp[0], bp[1]));
            Assert.True(Math.Abs(value - reference) <= 1e-3 * Math.Abs(reference) + 1e-8, $"KL(K{string.Join(",", kp)} || B{string.Join(",", bp)}): {value:R} vs {reference:R}");
        });

    /// <summary>
    /// The toolkit's Monte Carlo KL (mean of log p - log q over 20,000 draws) within z(1e-9/2) = 6.1
    /// of its own standard errors of the closed form (CLT; the standard error is estimated from the
    /// same draws). Moderate shapes: at extreme shapes log p - log q is heavy-tailed and the CLT
    /// approximation at alpha = 1e-9 would not be trustworthy with 20,000 draws.
    /// </summary>
    [Property(MaxTest = MonteCarloCases, Replay = "(20261138,25)")]
    public Property Monte_carlo_kl_matches_closed_form() =>
        Prop.ForAll(Arb.From(Gen.OneOf(Pairs.Where(c => c.P != "Beta"), Generators.ModerateShape.Four().Select(t => new KlCase("Beta", [t.Item1, t.Item2], "Beta", [t.Item3, t.Item4])))
            .Where(c => c.P == "Normal" || c.Pp[0] >= 0.3)), c =>
        {
            var (p, q) = (DistributionCatalogue.Get(c.P), DistributionCatalogue.Get(c.Q));
            using var scope = torch.NewDisposeScope();
            var dp = p.CreateSampler(c.Pp, torch.ScalarType.Float64);
            var dq = q.CreateSampler(c.Qp, torch.ScalarType.Float64);
            var exact = KlDivergence.Compute(dp, dq).Value.item<double>();
            using var g = new torch.Generator(unchecked((ulong)new LawCase(c.P, [.. c.Pp, .. c.Qp], torch.ScalarType.Float64).Seed), torch.CPU);
            var mc = KlDivergence.MonteCarlo(dp, dq, 20_000, g);
            var (value, se) = (mc.Value.item<double>(), mc.StandardError!.item<double>());
            var z = MomentTest.TwoSidedZ(TestBudget.Alpha);
            TestBudget.Check(Math.Abs(value - exact) <= z * se, TestBudget.Alpha, $"Monte Carlo KL({p.Describe(c.Pp)} || {q.Describe(c.Qp)}): {value} (SE {se}) vs {exact}");
        });
}
