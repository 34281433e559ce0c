using MathNet.Numerics;

namespace GateDsl.Reference;

/// <summary>
/// KL(p || q) = E_p[log p(X) - log q(X)]: closed forms for the pairs GateDsl registers and a
/// quadrature reference for any pair, so tests can hold each closed form against an integral.
/// </summary>
public static class KullbackLeibler
{
    /// <summary>
    /// KL by quadrature in the transformed coordinate of p (see <see cref="Quadrature"/>); relative
    /// accuracy about 1e-9. Infinite when q has no mass where p has.
    /// </summary>
    public static double ByQuadrature(IReferenceDistribution p, IReferenceDistribution q)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        // The complement 1 - x is only meaningful when p lives on the unit interval itself.
        bool unit = p.Support == SupportKind.UnitInterval;
        return Quadrature.Expectation(p, (x, c) => LogDensity(p, x, c, unit) - LogDensity(q, x, c, unit));
    }

    /// <summary>
    /// KL(Ga(shape, rate) || Ga(priorShape, priorRate)) =
    /// (a - a0) psi(a) - lnGamma(a) + lnGamma(a0) + a0 (ln r - ln r0) + a (r0 - r) / r.
    /// With both rates 1 this is the paper's (a - a0) psi(a) - lnGamma(a) + lnGamma(a0). Evaluated as
    /// D(a, a0) + a (u - log1p(u)) - (a0 - a) log1p(u), u = (r0 - r)/r, with D the Bregman divergence of
    /// lnGamma (<see cref="LogGammaBregman"/>), so that nearly equal laws do not cancel (the textbook form
    /// gave 0 for KL(Ga(1e8) || Ga(1e8 + 1)) = 5e-9). Where |u| &gt; 1/2 the rate terms are a u - a0 (ln r0 - ln r)
    /// instead, so rates hundreds of decades apart (u rounds to -1, log1p(u) to -inf) give the value, not
    /// inf - inf. +inf where the KL exceeds the float64 range. Range: all arguments &gt; 0.
    /// </summary>
    public static double Gamma(double shape, double rate, double priorShape, double priorRate)
    {
        Guard.Positive(shape, nameof(shape));
        Guard.Positive(rate, nameof(rate));
        Guard.Positive(priorShape, nameof(priorShape));
        Guard.Positive(priorRate, nameof(priorRate));
        double u = (priorRate - rate) / rate;
        double rateTerms = Math.Abs(u) <= 0.5
            ? shape * Numerics.MinusLog1pPlusX(u) - (priorShape - shape) * Numerics.Log1p(u)
            : shape * u - priorShape * (Math.Log(priorRate) - Math.Log(rate));
        return LogGammaBregman(shape, priorShape) + rateTerms;
    }

    /// <summary>
    /// KL(Beta(a, b) || Beta(a0, b0)) = ln B(a0, b0) - ln B(a, b) + (a - a0) psi(a) + (b - b0) psi(b)
    /// + (a0 - a + b0 - b) psi(a + b), evaluated as D(a, a0) + D(b, b0) - D(a + b, a0 + b0)
    /// with the Bregman divergence D of lnGamma (<see cref="LogGammaBregman"/>). The textbook form gave
    /// 2.518e-7 for KL(Beta(1e6, 1e6) || Beta(1e6 + 1, 1e6)) = 2.500000625e-7. +inf where D(a, a0) or
    /// D(b, b0) exceeds the float64 range (then so does the KL: D(a + b, a0 + b0) lies below the larger).
    /// Range: all arguments &gt; 0.
    /// </summary>
    public static double Beta(double a, double b, double priorA, double priorB)
    {
        Guard.Positive(a, nameof(a));
        Guard.Positive(b, nameof(b));
        Guard.Positive(priorA, nameof(priorA));
        Guard.Positive(priorB, nameof(priorB));
        double da = LogGammaBregman(a, priorA);
        double db = LogGammaBregman(b, priorB);
        return double.IsPositiveInfinity(da) || double.IsPositiveInfinity(db)
            ? double.PositiveInfinity
            : da + db - LogGammaBregman(a + b, priorA + priorB);
    }

    /// <summary>
    /// KL(N(mu, sigma) || N(mu0, sigma0)) = ln(sigma0 / sigma) + (sigma^2 + (mu - mu0)^2) / (2 sigma0^2) - 1/2,
    /// evaluated as (u - log1p(u))/2 + ((mu - mu0)/sigma0)^2 / 2 with u = ((sigma - sigma0)/sigma0)(sigma/sigma0 + 1),
    /// and beyond |u| = 1/2 as (r - 1 - ln r)/2 with ln r = 2 (ln sigma - ln sigma0): +inf, not NaN, where the KL
    /// exceeds float64 (scales hundreds of decades apart).
    /// Range: means finite, standard deviations &gt; 0.
    /// </summary>
    public static double Normal(double mu, double sigma, double priorMu, double priorSigma)
    {
        Guard.Finite(mu, nameof(mu));
        Guard.Positive(sigma, nameof(sigma));
        Guard.Finite(priorMu, nameof(priorMu));
        Guard.Positive(priorSigma, nameof(priorSigma));
        double ratio = sigma / priorSigma;
        double u = (sigma - priorSigma) / priorSigma * (ratio + 1);
        double scaleTerm = Math.Abs(u) <= 0.5 ? Numerics.MinusLog1pPlusX(u) : ratio * ratio - 1 - 2 * (Math.Log(sigma) - Math.Log(priorSigma));
        double d = (mu - priorMu) / priorSigma;
        return 0.5 * scaleTerm + 0.5 * d * d;
    }

    /// <summary>
    /// KL(Kumaraswamy(a, b) || Beta(alpha, beta)) = (alpha - a)/a H_b + ln(ab) + ln B(alpha, beta) - (b - 1)/b
    /// - (beta - 1) E[ln(1 - X)] (Nalisnick and Smyth 2017; H_b = gamma + psi(b + 1)). With W = -ln(1 - X^a) ~ Exp(b)
    /// (X^a ~ Beta(1, b)), E[ln(1 - X)] = R - 1/b - ln a where R = E[g(W)], g = ln(1 - X) + W + ln a, is bounded
    /// (g tends to 0 as W grows); substituted, the 1/b terms cancel by hand:
    /// KL = (alpha - a)/a H_b + ln b + ln B(alpha, beta) - 1 + beta/b + (1 - beta) R + beta ln a
    /// (the textbook sum subtracted two values of 1/b and gave 0 for KL(Kumaraswamy(8.97e-39, 1.06e-25) ||
    /// Beta(1.46e-41, 7.6e-40)) = 34.5532). R: with W* = -ln a, g falls from W - W* to 0 across W* on a width of
    /// order 1. Below a = e^-8 that is R = -W* (x + expm1(-x))/x (x = b W*; the mean of min(W - W*, 0)) plus
    /// adaptive Gauss-Kronrod of b e^(-bW) (g - min(W - W*, 0)) over [W* - 20, W*] and [W*, W* + 60], where it
    /// lives; above, R is a quadrature over W's law, or below b = 1e-12 b times the integral of g (the density is
    /// flat where g is not 0). H_b is its zeta series below b = 1e-3. Range: all arguments &gt; 0.
    /// </summary>
    public static double KumaraswamyBeta(double a, double b, double alpha, double beta)
    {
        Guard.Positive(a, nameof(a));
        Guard.Positive(b, nameof(b));
        Guard.Positive(alpha, nameof(alpha));
        Guard.Positive(beta, nameof(beta));
        double logA = Math.Log(a);
        double wStar = -logA;
        double excess;
        if (wStar >= 8)
        {
            double x = b * wStar;
            double rampFraction = x < 1e-3 ? x * (0.5 - x * (1.0 / 6 - x * (1.0 / 24 - x / 120))) : (x + Numerics.Expm1(-x)) / x;
            double below = Quadrature.Integrate(w => b * Math.Exp(-b * w) * LogOneMinusKumaraswamy(w, a), Math.Max(0, wStar - 20), wStar);
            double above = Quadrature.Integrate(w => b * Math.Exp(-b * w) * KumaraswamyExcess(w, logA), wStar, wStar + 60);
            excess = -wStar * rampFraction + below + above;
        }
        else if (b < 1e-12)
        {
            double lambda = 1 / (1 + Math.Max(0, wStar));
            var carrier = new GammaReference(1, lambda);
            excess = b * Quadrature.TailExpectation(carrier, w => KumaraswamyExcess(w, logA) * Math.Exp(lambda * w) / lambda);
        }
        else
        {
            excess = Quadrature.TailExpectation(new GammaReference(1, b), w => KumaraswamyExcess(w, logA));
        }

        double harmonic = b < 1e-3
            ? b * (1.6449340668482264 - b * (1.2020569031595943 - b * (1.0823232337111382 - b * (1.0369277551433699 - b * (1.0173430619844491 - b * 1.0083492773819228)))))
            : Constants.EulerMascheroni + SpecialFunctions.DiGamma(b + 1);
        return (alpha - a) / a * harmonic + Math.Log(b) + SpecialFunctions.BetaLn(alpha, beta) - 1 + beta / b
            + (1 - beta) * excess + beta * logA;
    }

    /// <summary>
    /// KL(Kumaraswamy(a, b) || Beta(alpha, beta)) by the series of Nalisnick and Smyth (2017):
    /// (a - alpha)/a (-gamma - psi(b) - 1/b) + ln(a b) + ln B(alpha, beta) - (b - 1)/b
    /// + (beta - 1) b sum_{m=1..terms} B(m/a, b) / (m + a b).
    /// The m-th term decays like m^-(1+b) only once m &gt;&gt; a, so the truncation error is about
    /// (beta - 1) Gamma(b+1) a^b terms^-b / b there and much larger before: slow for small b and for
    /// large a (see <see cref="KumaraswamyBeta"/>). Range: shapes &gt; 0, terms &gt;= 1.
    /// </summary>
    public static double KumaraswamyBetaSeries(double a, double b, double alpha, double beta, int terms)
    {
        Guard.Positive(a, nameof(a));
        Guard.Positive(b, nameof(b));
        Guard.Positive(alpha, nameof(alpha));
        Guard.Positive(beta, nameof(beta));
        if (terms < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(terms), terms, "terms must be >= 1.");
        }

        double sum = 0;
        for (int m = 1; m <= terms; m++)
        {
            sum += Math.Exp(SpecialFunctions.BetaLn(m / a, b)) / (m + a * b);
        }

        return (a - alpha) / a * (-Constants.EulerMascheroni - SpecialFunctions.DiGamma(b) - 1 / b)
            + Math.Log(a * b) + SpecialFunctions.BetaLn(alpha, beta) - (b - 1) / b
            + (beta - 1) * b * sum;
    }

    /// <summary>
    /// D(x, y) = lnGamma(y) - lnGamma(x) - (y - x) psi(x) &gt;= 0 for x, y &gt; 0, as the integral form of Taylor's
    /// remainder h^2 int_0^1 (1 - s) psi'((1 - s) x + s y) ds, h = y - x (adaptive Gauss-Kronrod, positive
    /// integrand, no cancellation); below x = 1 shifted by lnGamma(x) = lnGamma(x + 1) - ln x, which adds
    /// y/x - 1 - ln(y/x). Both ends are passed, not the step: at x = 9.5e6, y = 4.6e-104 the step rounds to -x.
    /// Where y &lt; x/16 (the integrand peaks like 1/((1 - s) x + y)^2 at s = 1) it is the direct form, whose
    /// terms exceed the result by at most about ln x. +inf where y/x overflows.
    /// </summary>
    public static double LogGammaBregman(double x, double y)
    {
        double h = y - x;
        if (x < 1)
        {
            double u = h / x;
            double shift = Math.Abs(u) <= 0.5 ? Numerics.MinusLog1pPlusX(u) : u - (Math.Log(y) - Math.Log(x));
            return LogGammaBregman(x + 1, y + 1) + shift;
        }

        if (h == 0)
        {
            return 0;
        }

        if (y < x / 16)
        {
            return SpecialFunctions.GammaLn(y) - SpecialFunctions.GammaLn(x) - h * SpecialFunctions.DiGamma(x);
        }

        return h * h * Quadrature.Integrate(s => (1 - s) * Numerics.Trigamma((1 - s) * x + s * y), 0, 1, 1e-14);
    }

    /// <summary>
    /// g(w) = ln(1 - X) + w + ln a for X = (1 - e^-w)^(1/a), bounded and finite for every w &gt; 0 without
    /// cancellation: with m = ln(-ln(1 - e^-w)) + w (e^-w / 2 from w = 20 on) and l = ln(-ln X) = m - w - ln a,
    /// m - e^l / 2 where l &lt; -18, ln(1 - X) + w + ln a elsewhere (see <see cref="KumaraswamyBeta"/>).
    /// </summary>
    private static double KumaraswamyExcess(double w, double logA)
    {
        double m = w >= 20 ? 0.5 * Math.Exp(-w) : Math.Log(-Numerics.Log1mExp(-w)) + w;
        double l = m - w - logA;
        return l < -18 ? m - 0.5 * Math.Exp(l) : Numerics.Log1mExp(-Math.Exp(l)) + w + logA;
    }

    /// <summary>ln(1 - X) for X = (1 - e^-w)^(1/a), finite for every w &gt; 0 (see <see cref="KumaraswamyBeta"/>).</summary>
    private static double LogOneMinusKumaraswamy(double w, double a)
    {
        double logMinusLogX = (w >= 20 ? -w + 0.5 * Math.Exp(-w) : Math.Log(-Numerics.Log1mExp(-w))) - Math.Log(a);
        return logMinusLogX < -18 ? logMinusLogX - 0.5 * Math.Exp(logMinusLogX) : Numerics.Log1mExp(-Math.Exp(logMinusLogX));
    }

    private static double LogDensity(IReferenceDistribution d, double x, double complement, bool unit) =>
        unit && d is IUnitIntervalLogDensity u ? u.LogPdf(x, complement) : d.LogPdf(x);
}
