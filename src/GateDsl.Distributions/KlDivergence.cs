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
    /// written as D(a1, a2 - a1) + a1 (rho - 1 - log rho) - (a2 - a1) log rho with rho = r2 / r1 and
    /// D(x, h) = lgamma(x + h) - lgamma(x) - h psi(x) &gt;= 0 (<see cref="LogGammaDifferences.Bregman"/>): every
    /// term is computed without subtracting nearly equal numbers.
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
    /// with the Bregman divergence D of lgamma. The three terms cancel at most to KL / (their sum), which
    /// is 1/x at shapes near x: relative error at most about 1e-16 x, 1e-8 at shapes of 1e8.
    /// </summary>
    private static KlResult BetaBeta(Beta p, Beta q)
    {
        using var scope = torch.NewDisposeScope();
        var (a1, b1, a2, b2) = (Precision.Wide(p.A), Precision.Wide(p.B), Precision.Wide(q.A), Precision.Wide(q.B));
        var (da, db) = (a2 - a1, b2 - b1);
        var kl = LogGammaDifferences.Bregman(a1, da) + LogGammaDifferences.Bregman(b1, db) - LogGammaDifferences.Bregman(a1 + b1, da + db);
        return new KlResult(scope.MoveToOuter(Precision.Narrow(kl, Wider(p, q))), KlMethod.Exact);
    }

    /// <summary>
    /// KL = log(s2/s1) + (s1^2 + (m1 - m2)^2) / (2 s2^2) - 1/2, written as (r - 1 - log r)/2 + (m1 - m2)^2 / (2 s2^2)
    /// with r = (s1/s2)^2 and r - 1 = (s1 - s2)(s1 + s2)/s2^2, so that nearly equal laws do not cancel.
    /// </summary>
    private static KlResult NormalNormal(Normal p, Normal q)
    {
        using var scope = torch.NewDisposeScope();
        var (m1, s1, m2, s2) = (Precision.Wide(p.Mu), Precision.Wide(p.Sigma), Precision.Wide(q.Mu), Precision.Wide(q.Sigma));
        var u = (s1 - s2) * (s1 + s2) / s2.square();
        var kl = 0.5 * SpecialFunctions.MinusLog1pPlusX(u) + ((m1 - m2) / s2).square() * 0.5;
        return new KlResult(scope.MoveToOuter(Precision.Narrow(kl, Wider(p, q))), KlMethod.Exact);
    }

    /// <summary>
    /// Nalisnick &amp; Smyth (2017), "Stick-breaking variational autoencoders", appendix:
    /// KL(Kumaraswamy(a, b) || Beta(alpha, beta)) = (alpha - a)/a H_b + log(ab) + log B(alpha, beta) - (b - 1)/b
    /// - (beta - 1) E[log(1 - X)], H_b = gamma + psi(b + 1), X ~ Kumaraswamy(a, b). The paper writes
    /// E[log(1 - X)] as -b sum_m B(m/a, b) / (m + ab) and truncates it; its terms decay like m^-(b+1) only
    /// once m &gt;&gt; a, so for a = 200 any remainder estimate made at 100 terms is wrong
    /// (KL(Kumaraswamy(200, 1) || Beta(1, 5)) came out 24.4783 for 26.2060032). Here the expectation is a
    /// quadrature instead: X^a ~ Beta(1, b), so with W = -log(1 - X^a) ~ Exp(b) and t = log(b W) (standard
    /// Gumbel-min, density e^(t - e^t)), log(1 - X) = log1mexp(log1mexp(-W) / a), integrated over t on
    /// <see cref="Quadrature"/>'s grid. Reported as <see cref="KlMethod.Quadrature"/>.
    /// </summary>
    private static KlResult KumaraswamyBeta(Kumaraswamy p, Beta q)
    {
        using var scope = torch.NewDisposeScope();
        var (a, b, alpha, beta) = (Precision.Wide(p.A), Precision.Wide(p.B), Precision.Wide(q.A), Precision.Wide(q.B));
        var batchShape = ParameterSet.BroadcastShapes([a.shape, b.shape, alpha.shape, beta.shape])!;
        var logB = b.log();
        var logA = a.log();
        var expectedLog1mX = Quadrature.Integrate(t => LogOneMinusKumaraswamy(t, logA, logB) * (t - t.exp()).exp(), batchShape, a.device);
        var harmonic = (b + 1.0).digamma() + SpecialFunctions.EulerGamma;
        var kl = (alpha - a) / a * harmonic + logA + logB + SpecialFunctions.LogBeta(alpha, beta) - (b - 1.0) / b
            - (beta - 1.0) * expectedLog1mX;
        return new KlResult(scope.MoveToOuter(Precision.Narrow(kl, Wider(p, q))), KlMethod.Quadrature);
    }

    /// <summary>
    /// log(1 - X) at the node t for X = (1 - e^-W)^(1/a), W = e^t / b, finite at every node: with
    /// l = log(-log X) = log(-log1mexp(-W)) - log a (for W &gt;= 20 it is -W + e^-W / 2 - log a, exact to e^-2W), it is
    /// log1mexp(-e^l) where -e^l is not tiny and l - e^l / 2 where it is (X within e^-18 of 1). W is
    /// capped at e^700: the nodes where that binds carry a density below e^-1000.
    /// </summary>
    private static Tensor LogOneMinusKumaraswamy(Tensor t, Tensor logA, Tensor logB)
    {
        using var scope = torch.NewDisposeScope();
        var w = (t - logB).clamp_max(700.0).exp();
        var large = w.ge(20.0);
        var wl = torch.where(large, w, 20.0);
        var ws = torch.where(large, 1.0, w);
        var logMinusLogX = torch.where(large, -wl + 0.5 * (-wl).exp(), (-SpecialFunctions.Log1mExp(-ws)).log()) - logA;
        var tiny = logMinusLogX.lt(-18.0);
        var lt = torch.where(tiny, logMinusLogX, -18.0);
        var lm = torch.where(tiny, 0.0, logMinusLogX);
        var result = torch.where(tiny, lt - 0.5 * lt.exp(), SpecialFunctions.Log1mExp(-lm.exp()));
        return scope.MoveToOuter(result);
    }

    /// <summary>The Gamma KL on float64 tensors (shared with the joint constructions' bound).</summary>
    private static Tensor GammaGammaWide(Tensor a1, Tensor r1, Tensor a2, Tensor r2)
    {
        using var scope = torch.NewDisposeScope();
        var u = (r2 - r1) / r1;
        var kl = LogGammaDifferences.Bregman(a1, a2 - a1) + a1 * SpecialFunctions.MinusLog1pPlusX(u) - (a2 - a1) * u.log1p();
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
