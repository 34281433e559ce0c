using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Distributions;

/// <summary>
/// KL(p || q) looked up by the pair of runtime types in a registry of closed forms, with a Monte
/// Carlo fallback that says so in its <see cref="KlResult"/>.
/// Registered: Gamma||Gamma, Beta||Beta, Normal||Normal (exact); Kumaraswamy||Beta (Nalisnick &amp;
/// Smyth 2017, series truncated at <see cref="KumaraswamyBetaTerms"/> terms); BivariateBeta||BivariateBeta
/// and BivariateBeta5||BivariateBeta5 through their underlying Gammas (an upper bound).
/// </summary>
public static class KlDivergence
{
    /// <summary>Terms kept of the infinite series in the Kumaraswamy || Beta divergence.</summary>
    public const int KumaraswamyBetaTerms = 100;

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
    /// KL(Ga(a1, r1) || Ga(a2, r2)) = (a1 - a2) psi(a1) - lgamma(a1) + lgamma(a2) + a2 (log r1 - log r2) + a1 (r2 - r1) / r1.
    /// </summary>
    private static KlResult GammaGamma(Gamma p, Gamma q)
    {
        using var scope = torch.NewDisposeScope();
        var (a1, r1, a2, r2) = (p.Shape, p.Rate, q.Shape, q.Rate);
        var kl = (a1 - a2) * a1.digamma() - a1.lgamma() + a2.lgamma() + a2 * (r1.log() - r2.log()) + a1 * (r2 - r1) / r1;
        return new KlResult(scope.MoveToOuter(kl), KlMethod.Exact);
    }

    /// <summary>
    /// KL(Beta(a1, b1) || Beta(a2, b2)) = log B(a2, b2) - log B(a1, b1) + (a1 - a2) psi(a1) + (b1 - b2) psi(b1)
    /// + (a2 - a1 + b2 - b1) psi(a1 + b1).
    /// </summary>
    private static KlResult BetaBeta(Beta p, Beta q)
    {
        using var scope = torch.NewDisposeScope();
        var (a1, b1, a2, b2) = (p.A, p.B, q.A, q.B);
        var kl = SpecialFunctions.LogBeta(a2, b2) - SpecialFunctions.LogBeta(a1, b1)
            + (a1 - a2) * a1.digamma() + (b1 - b2) * b1.digamma() + (a2 - a1 + b2 - b1) * (a1 + b1).digamma();
        return new KlResult(scope.MoveToOuter(kl), KlMethod.Exact);
    }

    /// <summary>KL = log(s2/s1) + (s1^2 + (m1 - m2)^2) / (2 s2^2) - 1/2.</summary>
    private static KlResult NormalNormal(Normal p, Normal q)
    {
        using var scope = torch.NewDisposeScope();
        var kl = (q.Sigma.log() - p.Sigma.log()) + (p.Sigma.square() + (p.Mu - q.Mu).square()) / (2.0 * q.Sigma.square()) - 0.5;
        return new KlResult(scope.MoveToOuter(kl), KlMethod.Exact);
    }

    /// <summary>
    /// Nalisnick &amp; Smyth (2017), "Stick-breaking variational autoencoders", appendix:
    /// KL(Kumaraswamy(a, b) || Beta(alpha, beta)) = (a - alpha)/a (-gamma - psi(b) - 1/b) + log(ab)
    /// + log B(alpha, beta) - (b - 1)/b + (beta - 1) b sum_{m&gt;=1} B(m/a, b) / (m + ab).
    /// Truncation: the paper keeps the first 10 terms of the series, but its terms decay only like
    /// m^-(b+1); for a = b = 2 that truncation under-states the KL by 0.026 nats (checked against
    /// quadrature). We keep <see cref="KumaraswamyBetaTerms"/> = 100 terms and add the integral estimate of
    /// the remainder, t_M M^(b+1) (M + 1/2)^-b / b (terms ~ m^-(b+1)), which leaves an error of order
    /// 1e-5 for shapes of order 1 (larger when b is very small). The series term vanishes when
    /// beta = 1. Reported as <see cref="KlMethod.TruncatedSeries"/>.
    /// </summary>
    private static KlResult KumaraswamyBeta(Kumaraswamy p, Beta q)
    {
        using var scope = torch.NewDisposeScope();
        var (a, b, alpha, beta) = (p.A, p.B, q.A, q.B);
        var ab = a * b;
        Tensor? series = null;
        Tensor? term = null;
        for (var m = 1; m <= KumaraswamyBetaTerms; m++)
        {
            term = SpecialFunctions.LogBeta(m / a, b).exp() / (m + ab);
            series = series is null ? term : series + term;
        }

        const double M = KumaraswamyBetaTerms;
        var remainder = term! * (Math.Log(M) * (b + 1.0) - Math.Log(M + 0.5) * b).exp() / b;
        series = series! + remainder;

        var kl = (a - alpha) / a * (-SpecialFunctions.EulerGamma - b.digamma() - b.reciprocal())
            + ab.log() + SpecialFunctions.LogBeta(alpha, beta) - (b - 1.0) / b
            + (beta - 1.0) * b * series!;
        return new KlResult(scope.MoveToOuter(kl), KlMethod.TruncatedSeries);
    }

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
            var term = GammaGamma(p[k], q[k]).Value;
            sum = sum is null ? term : sum + term;
        }

        return new KlResult(scope.MoveToOuter(sum!), KlMethod.UpperBound);
    }
}
