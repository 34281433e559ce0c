using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Distributions;

/// <summary>
/// KL(p || q) looked up by the pair of runtime types in a registry of closed forms, with a Monte
/// Carlo fallback that says so in its <see cref="KlResult"/>.
/// Registered: Gamma||Gamma, Beta||Beta, Normal||Normal (exact); Kumaraswamy||Beta (Nalisnick &amp;
/// Smyth 2017's closed-form terms, the expectation E[log(1 - X)] by quadrature); BivariateBeta||BivariateBeta
/// and BivariateBeta5||BivariateBeta5 through their underlying Gammas (an upper bound). Every rule is
/// evaluated in float64 in forms without cancellation and rounded once to the wider dtype of p and q:
/// in float32 the textbook Beta formula gave KL(Beta(1e6, 1e6) || Beta(1e6 + 1, 1e6)) = 0.693 for 2.5e-7.
/// </summary>
public static class KlDivergence
{
    /// <summary>Default number of draws of the Monte Carlo fallback.</summary>
    public const int DefaultMonteCarloSamples = 4096;

    private static readonly Dictionary<(Type P, Type Q), Func<IGateDistribution, IGateDistribution, KlResult>> Registry = new();
    private static readonly object Gate = new();

    static KlDivergence()
    {
        Register<Gamma, Gamma>(GammaGamma);
        Register<Beta, Beta>(BetaBeta);
        Register<Normal, Normal>(NormalNormal);
        Register<Kumaraswamy, Beta>(KumaraswamyBeta);
        Register<BivariateBeta, BivariateBeta>((p, q) => GammaSum(p.UnderlyingGammas, q.UnderlyingGammas));
        Register<BivariateBeta5, BivariateBeta5>((p, q) => GammaSum(p.UnderlyingGammas, q.UnderlyingGammas));
    }

    /// <summary>Adds or replaces the rule for the pair (<typeparamref name="TP"/>, <typeparamref name="TQ"/>).</summary>
    public static void Register<TP, TQ>(Func<TP, TQ, KlResult> rule)
        where TP : IGateDistribution
        where TQ : IGateDistribution
    {
        ArgumentNullException.ThrowIfNull(rule);
        lock (Gate)
        {
            Registry[(typeof(TP), typeof(TQ))] = (p, q) => rule((TP)p, (TQ)q);
        }
    }

    /// <summary>Whether a closed form (exact, truncated or bound) is registered for the pair of types.</summary>
    public static bool HasClosedForm(IGateDistribution p, IGateDistribution q)
    {
        lock (Gate)
        {
            return Registry.ContainsKey((p.GetType(), q.GetType()));
        }
    }

    /// <summary>
    /// KL(p || q): the registered closed form for the pair of types if any; otherwise a Monte Carlo
    /// estimate mean(log p(x) - log q(x)) over <paramref name="samples"/> draws x ~ p (both must have a
    /// log density; univariate pairs or joint pairs). For the joint constructions the registered rule
    /// is the KL of their underlying Gammas, an upper bound on the KL of the gates (data processing):
    /// check <see cref="KlResult.IsUpperBound"/> before reading the value as an equality.
    /// </summary>
    /// <param name="p">First distribution.</param>
    /// <param name="q">Second distribution.</param>
    /// <param name="samples">Draws for the Monte Carlo fallback.</param>
    /// <param name="generator">Generator for the Monte Carlo fallback.</param>
    public static KlResult Compute(IGateDistribution p, IGateDistribution q, int samples = DefaultMonteCarloSamples, Generator? generator = null)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        Func<IGateDistribution, IGateDistribution, KlResult>? rule;
        lock (Gate)
        {
            Registry.TryGetValue((p.GetType(), q.GetType()), out rule);
        }

        return rule is not null ? rule(p, q) : MonteCarlo(p, q, samples, generator);
    }

    /// <summary>The Monte Carlo estimate, even when a closed form exists (used to check the closed forms).</summary>
    public static KlResult MonteCarlo(IGateDistribution p, IGateDistribution q, int samples = DefaultMonteCarloSamples, Generator? generator = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 2);
        using var scope = torch.NewDisposeScope();
        Tensor diff;
        switch (p, q)
        {
            case (Distribution dp, Distribution dq):
            {
                var x = dp.RSample([samples], generator);
                diff = dp.LogProb(x) - dq.LogProb(x);
                break;
            }

            case (JointDistribution jp, JointDistribution jq):
            {
                var (x, y) = jp.RSample([samples], generator);
                diff = jp.LogProb(x, y) - jq.LogProb(x, y);
                break;
            }

            default:
                throw new NotSupportedException(
                    $"KL({p.Name} || {q.Name}): no closed form is registered and Monte Carlo needs two univariate or two joint distributions.");
        }

        var value = diff.mean([0L]);
        var standardError = diff.detach().std([0L]) / Math.Sqrt(samples);
        return new KlResult(scope.MoveToOuter(value), KlMethod.MonteCarlo, scope.MoveToOuter(standardError), samples);
    }

    /// <summary>
    /// KL(Ga(a1, r1) || Ga(a2, r2)) = (a1 - a2) psi(a1) - lgamma(a1) + lgamma(a2) + a2 (log r1 - log r2) + a1 (r2 - r1) / r1,
    /// written as D(a1, a2) + a1 (rho - 1 - log rho) - (a2 - a1) log rho with rho = r2 / r1 and
    /// D(x, y) = lgamma(y) - lgamma(x) - (y - x) psi(x) &gt;= 0 (<see cref="LogGammaDifferences.Bregman"/>): every
    /// term is computed without subtracting nearly equal numbers. Where rho is far from 1 (|rho - 1| &gt; 1/2) the rate
    /// terms are a1 (rho - 1) - a2 log rho with log rho = log r2 - log r1, so rates hundreds of decades apart
    /// (KL(Ga(2.62316e7, 9.10714e-33) || Ga(2.12307e-269, 7.53603e-309)) = 625.764826 by mpmath) give the value,
    /// not inf - inf = NaN. +inf where the KL exceeds the float64 range.
    /// </summary>
    private static KlResult GammaGamma(Gamma p, Gamma q)
    {
        using var scope = torch.NewDisposeScope();
        var (a1, r1, a2, r2) = (Precision.Wide(p.Shape), Precision.Wide(p.Rate), Precision.Wide(q.Shape), Precision.Wide(q.Rate));
        var kl = GammaGammaWide(a1, r1, a2, r2);
        return new KlResult(scope.MoveToOuter(Precision.Narrow(kl, Wider(p, q))), KlMethod.Exact);
    }

    /// <summary>
    /// KL(Beta(a1, b1) || Beta(a2, b2)) = log B(a2, b2) - log B(a1, b1) + (a1 - a2) psi(a1) + (b1 - b2) psi(b1)
    /// + (a2 - a1 + b2 - b1) psi(a1 + b1), written as D(a1, a2 - a1) + D(b1, b2 - b1) - D(a1 + b1, a2 - a1 + b2 - b1)
    /// with the Bregman divergence D of lgamma, each given both ends (so shapes hundreds of decades apart
    /// keep their values). The three terms cancel at most to KL / (their sum), which
    /// is 1/x at shapes near x: relative error at most about 1e-16 x, 1e-8 at shapes of 1e8. +inf where a term
    /// exceeds the float64 range (a subnormal shape against one of order one), never NaN.
    /// </summary>
    private static KlResult BetaBeta(Beta p, Beta q)
    {
        using var scope = torch.NewDisposeScope();
        var (a1, b1, a2, b2) = (Precision.Wide(p.A), Precision.Wide(p.B), Precision.Wide(q.A), Precision.Wide(q.B));
        var (da, db) = (LogGammaDifferences.Bregman(a1, a2), LogGammaDifferences.Bregman(b1, b2));
        // D(a1 + b1, a2 + b2) is +inf only where D(a1, a2) or D(b1, b2) is (the mediant lies between the ratios),
        // and then the KL exceeds the float64 range: +inf, not inf - inf.
        var overflow = da.isinf().logical_or(db.isinf());
        var kl = torch.where(overflow, double.PositiveInfinity, da + db - LogGammaDifferences.Bregman(a1 + b1, a2 + b2));
        return new KlResult(scope.MoveToOuter(Precision.Narrow(kl, Wider(p, q))), KlMethod.Exact);
    }

    /// <summary>
    /// KL = log(s2/s1) + (s1^2 + (m1 - m2)^2) / (2 s2^2) - 1/2, written as (r - 1 - log r)/2 + (m1 - m2)^2 / (2 s2^2)
    /// with r = (s1/s2)^2 and r - 1 = ((s1 - s2)/s2)(r^(1/2) + 1), so that nearly equal laws do not cancel (and s2^2
    /// never underflows), and scales hundreds of decades apart give +inf where the KL exceeds float64 (not NaN).
    /// </summary>
    private static KlResult NormalNormal(Normal p, Normal q)
    {
        using var scope = torch.NewDisposeScope();
        var (m1, s1, m2, s2) = (Precision.Wide(p.Mu), Precision.Wide(p.Sigma), Precision.Wide(q.Mu), Precision.Wide(q.Sigma));
        var ratio = s1 / s2;
        var u = (s1 - s2) / s2 * (ratio + 1.0);
        var near = u.abs().le(0.5);
        var far = torch.where(near, 2.0, ratio);
        // Far from r = 1: r - 1 - log r with log r = 2 (log s1 - log s2), so r = inf (scales hundreds of decades
        // apart) gives +inf, not inf - inf.
        var scaleTerm = torch.where(near,
            SpecialFunctions.MinusLog1pPlusX(torch.where(near, u, 0.0)),
            far.square() - 1.0 - 2.0 * (torch.where(near, 2.0, s1).log() - torch.where(near, 1.0, s2).log()));
        var kl = 0.5 * scaleTerm + ((m1 - m2) / s2).square() * 0.5;
        return new KlResult(scope.MoveToOuter(Precision.Narrow(kl, Wider(p, q))), KlMethod.Exact);
    }

    /// <summary>
    /// Nalisnick &amp; Smyth (2017), "Stick-breaking variational autoencoders", appendix:
    /// KL(Kumaraswamy(a, b) || Beta(alpha, beta)) = (alpha - a)/a H_b + log(ab) + log B(alpha, beta) - (b - 1)/b
    /// - (beta - 1) E[log(1 - X)], H_b = gamma + psi(b + 1), X ~ Kumaraswamy(a, b). The paper writes
    /// E[log(1 - X)] as -b sum_m B(m/a, b) / (m + ab) and truncates it; its terms decay like m^-(b+1) only
    /// once m &gt;&gt; a, so for a = 200 any remainder estimate made at 100 terms is wrong
    /// (KL(Kumaraswamy(200, 1) || Beta(1, 5)) came out 24.4783 for 26.2060032). Here the expectation is a
    /// quadrature instead: X^a ~ Beta(1, b), so W = -log(1 - X^a) ~ Exp(b), and E[log(1 - X)] = R - 1/b - log a
    /// with R = E[log(1 - X) + W + log a] bounded (<see cref="KumaraswamyExcess"/>). Substituted, the 1/b
    /// terms cancel by hand:
    /// KL = (alpha - a)/a H_b + log b + log B(alpha, beta) - 1 + beta/b + (1 - beta) R + beta log a,
    /// so tiny b does not subtract two values of 1/b (at b = 1e-25 their float64 spacing is 2^31: the KL of
    /// Kumaraswamy(8.97e-39, 1.06e-25) || Beta(1.46e-41, 7.6e-40) came out 2^30 in float32; it is 34.5532).
    /// H_b is its series sum_k (-1)^(k+1) zeta(k+1) b^k below b = 1e-3 (psi(1 + b) rounds b away below 1e-16).
    /// +inf where the KL exceeds the dtype (alpha/a or beta/b beyond its range). Reported as
    /// <see cref="KlMethod.Quadrature"/>.
    /// </summary>
    private static KlResult KumaraswamyBeta(Kumaraswamy p, Beta q)
    {
        using var scope = torch.NewDisposeScope();
        var (a, b, alpha, beta) = (Precision.Wide(p.A), Precision.Wide(p.B), Precision.Wide(q.A), Precision.Wide(q.B));
        var batchShape = ParameterSet.BroadcastShapes([a.shape, b.shape, alpha.shape, beta.shape])!;
        var logA = a.log();
        var excess = KumaraswamyExcess.Expectation(logA, b, batchShape, a.device);
        var kl = (alpha - a) / a * HarmonicNumber(b) + b.log() + SpecialFunctions.LogBeta(alpha, beta) - 1.0 + beta / b
            + (1.0 - beta) * excess + beta * logA;
        return new KlResult(scope.MoveToOuter(Precision.Narrow(kl, Wider(p, q))), KlMethod.Quadrature);
    }

    /// <summary>
    /// H_b = psi(b + 1) + gamma for b &gt; 0: below b = 1e-3 its series zeta(2) b - zeta(3) b^2 + ... (six terms,
    /// relative error below 1e-18), where psi(1 + b) - psi(1) would keep only 1e-16 / b of its digits.
    /// </summary>
    private static Tensor HarmonicNumber(Tensor b)
    {
        using var scope = torch.NewDisposeScope();
        var small = b.lt(1e-3);
        var bs = torch.where(small, b, 0.0);
        var bl = torch.where(small, 1.0, b);
        // zeta(2..7)
        var series = bs * (1.6449340668482264 - bs * (1.2020569031595943 - bs * (1.0823232337111382
            - bs * (1.0369277551433699 - bs * (1.0173430619844491 - bs * 1.0083492773819228)))));
        var result = torch.where(small, series, (bl + 1.0).digamma() + SpecialFunctions.EulerGamma);
        return scope.MoveToOuter(result);
    }

    /// <summary>The Gamma KL on float64 tensors (shared with the joint constructions' bound).</summary>
    private static Tensor GammaGammaWide(Tensor a1, Tensor r1, Tensor a2, Tensor r2)
    {
        using var scope = torch.NewDisposeScope();
        var u = (r2 - r1) / r1;
        var near = u.abs().le(0.5);
        var un = torch.where(near, u, 0.0);
        // Far from rho = 1 the two rate terms are a1 (rho - 1) - a2 log rho: written apart, a1 (rho - 1 - log rho)
        // and (a2 - a1) log rho are each about a1 |log rho| (1.7e10 for a sum of -2.6e7 at the rates above).
        var rate = torch.where(near,
            a1 * SpecialFunctions.MinusLog1pPlusX(un) - (a2 - a1) * un.log1p(),
            a1 * torch.where(near, 0.0, u) - a2 * SpecialFunctions.LogRatio(r1, r2));
        var kl = LogGammaDifferences.Bregman(a1, a2) + rate;
        return scope.MoveToOuter(kl);
    }

    /// <summary>Float64 when either law is, else float32.</summary>
    private static ScalarType Wider(IGateDistribution p, IGateDistribution q)
        => p.DType == ScalarType.Float64 || q.DType == ScalarType.Float64 ? ScalarType.Float64 : ScalarType.Float32;

    /// <summary>
    /// Joint constructions: both p and q push independent Gammas through the same map, so by the data
    /// processing inequality KL(p || q) &lt;= sum_k KL(Ga_k^p || Ga_k^q). Reported as an upper bound.
    /// </summary>
    private static KlResult GammaSum(IReadOnlyList<Gamma> p, IReadOnlyList<Gamma> q)
    {
        using var scope = torch.NewDisposeScope();
        Tensor? sum = null;
        for (var k = 0; k < p.Count; k++)
        {
            var term = GammaGammaWide(Precision.Wide(p[k].Shape), Precision.Wide(p[k].Rate), Precision.Wide(q[k].Shape), Precision.Wide(q[k].Rate));
            sum = sum is null ? term : sum + term;
        }

        return new KlResult(scope.MoveToOuter(Precision.Narrow(sum!, Wider(p[0], q[0]))), KlMethod.UpperBound);
    }
}
