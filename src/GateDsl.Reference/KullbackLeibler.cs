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
    /// D(a, a0 - a) + a (u - log1p(u)) - (a0 - a) log1p(u), u = (r0 - r)/r, with D the Bregman divergence of
    /// lnGamma (<see cref="LogGammaBregman"/>), so that nearly equal laws do not cancel (the textbook form
    /// gave 0 for KL(Ga(1e8) || Ga(1e8 + 1)) = 5e-9). Range: all arguments &gt; 0.
    /// </summary>
    public static double Gamma(double shape, double rate, double priorShape, double priorRate)
    {
        Guard.Positive(shape, nameof(shape));
        Guard.Positive(rate, nameof(rate));
        Guard.Positive(priorShape, nameof(priorShape));
        Guard.Positive(priorRate, nameof(priorRate));
        double u = (priorRate - rate) / rate;
        return LogGammaBregman(shape, priorShape - shape) + shape * Numerics.MinusLog1pPlusX(u) - (priorShape - shape) * Numerics.Log1p(u);
    }

    /// <summary>
    /// KL(Beta(a, b) || Beta(a0, b0)) = ln B(a0, b0) - ln B(a, b) + (a - a0) psi(a) + (b - b0) psi(b)
    /// + (a0 - a + b0 - b) psi(a + b), evaluated as D(a, a0 - a) + D(b, b0 - b) - D(a + b, a0 - a + b0 - b)
    /// with the Bregman divergence D of lnGamma (<see cref="LogGammaBregman"/>). The textbook form gave
    /// 2.518e-7 for KL(Beta(1e6, 1e6) || Beta(1e6 + 1, 1e6)) = 2.500000625e-7. Range: all arguments &gt; 0.
    /// </summary>
    public static double Beta(double a, double b, double priorA, double priorB)
    {
        Guard.Positive(a, nameof(a));
        Guard.Positive(b, nameof(b));
        Guard.Positive(priorA, nameof(priorA));
        Guard.Positive(priorB, nameof(priorB));
        double da = priorA - a;
        double db = priorB - b;
        return LogGammaBregman(a, da) + LogGammaBregman(b, db) - LogGammaBregman(a + b, da + db);
    }

    /// <summary>
    /// KL(N(mu, sigma) || N(mu0, sigma0)) = ln(sigma0 / sigma) + (sigma^2 + (mu - mu0)^2) / (2 sigma0^2) - 1/2,
    /// evaluated as (u - log1p(u))/2 + ((mu - mu0)/sigma0)^2 / 2 with u = (sigma - sigma0)(sigma + sigma0)/sigma0^2.
    /// Range: means finite, standard deviations &gt; 0.
    /// </summary>
    public static double Normal(double mu, double sigma, double priorMu, double priorSigma)
    {
        Guard.Finite(mu, nameof(mu));
        Guard.Positive(sigma, nameof(sigma));
        Guard.Finite(priorMu, nameof(priorMu));
        Guard.Positive(priorSigma, nameof(priorSigma));
        double u = (sigma - priorSigma) * (sigma + priorSigma) / (priorSigma * priorSigma);
        double d = (mu - priorMu) / priorSigma;
        return 0.5 * Numerics.MinusLog1pPlusX(u) + 0.5 * d * d;
    }

    /// <summary>
    /// KL(Kumaraswamy(a, b) || Beta(alpha, beta)) = (alpha - a)/a H_b + ln(ab) + ln B(alpha, beta) - (b - 1)/b
    /// - (beta - 1) E[ln(1 - X)] (Nalisnick and Smyth 2017; H_b = gamma + psi(b + 1)), with E[ln(1 - X)] by
    /// quadrature over W = -ln(1 - X^a) ~ Exp(b) (X^a ~ Beta(1, b)): ln(1 - X) = ln1mexp(ln1mexp(-W)/a),
    /// written near X = 1 as l - e^l/2 with l = ln(-ln X). Below b = 1e-12, W is written as -ln a - W + a
    /// correction that vanishes beyond W of order ln(1/a), integrated against b times a flat density.
    /// Quadrature in x itself cannot serve: at Kumaraswamy(1e-3, 2) almost all the mass lies below 1e-300.
    /// Range: all arguments &gt; 0.
    /// </summary>
    public static double KumaraswamyBeta(double a, double b, double alpha, double beta)
    {
        Guard.Positive(a, nameof(a));
        Guard.Positive(b, nameof(b));
        Guard.Positive(alpha, nameof(alpha));
        Guard.Positive(beta, nameof(beta));
        double expectedLog1mX;
        if (b < 1e-12)
        {
            double lambda = 1 / (1 + Math.Max(0, -Math.Log(a)));
            var carrier = new GammaReference(1, lambda);
            double correction = Quadrature.TailExpectation(carrier, w => (LogOneMinusKumaraswamy(w, a) + w + Math.Log(a)) * Math.Exp(lambda * w) / lambda);
            expectedLog1mX = -1 / b - Math.Log(a) + b * correction;
        }
        else
        {
            expectedLog1mX = Quadrature.TailExpectation(new GammaReference(1, b), w => LogOneMinusKumaraswamy(w, a));
        }

        double harmonic = Constants.EulerMascheroni + SpecialFunctions.DiGamma(b + 1);
        return (alpha - a) / a * harmonic + Math.Log(a) + Math.Log(b) + SpecialFunctions.BetaLn(alpha, beta) - (b - 1) / b
            - (beta - 1) * expectedLog1mX;
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
    /// D(x, h) = lnGamma(x + h) - lnGamma(x) - h psi(x) &gt;= 0 for x &gt; 0, x + h &gt; 0, as the integral form of
    /// Taylor's remainder h^2 int_0^1 (1 - s) psi'(x + s h) ds (adaptive Gauss-Kronrod, positive integrand, no
    /// cancellation); below x = 1 shifted by lnGamma(x) = lnGamma(x + 1) - ln x, which adds u - log1p(u), u = h/x.
    /// </summary>
    public static double LogGammaBregman(double x, double h)
    {
        if (x < 1)
        {
            return LogGammaBregman(x + 1, h) + Numerics.MinusLog1pPlusX(h / x);
        }

        if (h == 0)
        {
            return 0;
        }

        return h * h * Quadrature.Integrate(s => (1 - s) * Numerics.Trigamma(x + s * h), 0, 1, 1e-14);
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
