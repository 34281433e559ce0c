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
    /// With both rates 1 this is the paper's (a - a0) psi(a) - lnGamma(a) + lnGamma(a0).
    /// Range: all arguments &gt; 0.
    /// </summary>
    public static double Gamma(double shape, double rate, double priorShape, double priorRate)
    {
        Guard.Positive(shape, nameof(shape));
        Guard.Positive(rate, nameof(rate));
        Guard.Positive(priorShape, nameof(priorShape));
        Guard.Positive(priorRate, nameof(priorRate));
        return (shape - priorShape) * SpecialFunctions.DiGamma(shape)
            - SpecialFunctions.GammaLn(shape) + SpecialFunctions.GammaLn(priorShape)
            + priorShape * (Math.Log(rate) - Math.Log(priorRate))
            + shape * (priorRate - rate) / rate;
    }

    /// <summary>
    /// KL(Beta(a, b) || Beta(a0, b0)) = ln B(a0, b0) - ln B(a, b) + (a - a0) psi(a) + (b - b0) psi(b)
    /// + (a0 - a + b0 - b) psi(a + b). Range: all arguments &gt; 0.
    /// </summary>
    public static double Beta(double a, double b, double priorA, double priorB)
    {
        Guard.Positive(a, nameof(a));
        Guard.Positive(b, nameof(b));
        Guard.Positive(priorA, nameof(priorA));
        Guard.Positive(priorB, nameof(priorB));
        return SpecialFunctions.BetaLn(priorA, priorB) - SpecialFunctions.BetaLn(a, b)
            + (a - priorA) * SpecialFunctions.DiGamma(a)
            + (b - priorB) * SpecialFunctions.DiGamma(b)
            + (priorA - a + priorB - b) * SpecialFunctions.DiGamma(a + b);
    }

    /// <summary>
    /// KL(N(mu, sigma) || N(mu0, sigma0)) = ln(sigma0 / sigma) + (sigma^2 + (mu - mu0)^2) / (2 sigma0^2) - 1/2.
    /// Range: means finite, standard deviations &gt; 0.
    /// </summary>
    public static double Normal(double mu, double sigma, double priorMu, double priorSigma)
    {
        Guard.Finite(mu, nameof(mu));
        Guard.Positive(sigma, nameof(sigma));
        Guard.Finite(priorMu, nameof(priorMu));
        Guard.Positive(priorSigma, nameof(priorSigma));
        double d = mu - priorMu;
        return Math.Log(priorSigma / sigma) + (sigma * sigma + d * d) / (2 * priorSigma * priorSigma) - 0.5;
    }

    /// <summary>
    /// KL(Kumaraswamy(a, b) || Beta(alpha, beta)) by the series of Nalisnick and Smyth (2017):
    /// (a - alpha)/a (-gamma - psi(b) - 1/b) + ln(a b) + ln B(alpha, beta) - (b - 1)/b
    /// + (beta - 1) b sum_{m=1..terms} B(m/a, b) / (m + a b).
    /// The m-th term decays like m^-(1+b), so the truncation error is about
    /// (beta - 1) Gamma(b+1) a^b terms^-b / b: slow for small b. Range: shapes &gt; 0, terms &gt;= 1.
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

    private static double LogDensity(IReferenceDistribution d, double x, double complement, bool unit) =>
        unit && d is IUnitIntervalLogDensity u ? u.LogPdf(x, complement) : d.LogPdf(x);
}
