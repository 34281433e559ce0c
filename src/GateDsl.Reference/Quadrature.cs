namespace GateDsl.Reference;

/// <summary>
/// Deterministic numerical integration used by every reference quantity that has no closed form.
/// Globally adaptive Gauss-Kronrod (7/15 points, error measured against the integral of |f|) on a
/// range found by scanning the log density in a transformed coordinate (see
/// docs/reference-methods.md); typical relative accuracy 1e-10.
/// </summary>
/// <remarks>
/// The transformed coordinate t is scanned over |t| &lt;= 700 (log or logit space) or 60 standard
/// deviations (real line). Mass beyond logit +-700 cannot be represented as a pair (x, 1 - x) of
/// doubles at all; laws that put mass there (binary Concrete below a temperature of about 0.05)
/// compute their own moments in their noise coordinate instead.
/// </remarks>
public static class Quadrature
{
    /// <summary>Default relative tolerance handed to the adaptive rule.</summary>
    public const double DefaultRelativeTolerance = 1e-11;

    /// <summary>
    /// Integral of a smooth <paramref name="f"/> over the finite interval [a, b] by globally adaptive
    /// Gauss-Kronrod, to a relative tolerance of the integral of |f| (at most 4000 panels).
    /// Range: a, b finite; tolerance in (0, 1).
    /// </summary>
    public static double Integrate(Func<double, double> f, double a, double b, double relativeTolerance = DefaultRelativeTolerance)
    {
        ArgumentNullException.ThrowIfNull(f);
        Guard.Finite(a, nameof(a));
        Guard.Finite(b, nameof(b));
        Guard.Probability(relativeTolerance, nameof(relativeTolerance));
        if (a == b)
        {
            return 0;
        }

        return AdaptiveGaussKronrod.Integrate(f, a, b, relativeTolerance);
    }

    /// <summary>
    /// E[h(X)] for X following <paramref name="distribution"/>. Loosen
    /// <paramref name="relativeTolerance"/> when h is itself noisy (finite differences), or the
    /// adaptive rule keeps splitting to its depth limit. Range: tolerance in (0, 1).
    /// </summary>
    public static double Expectation(IReferenceDistribution distribution, Func<double, double> h, double relativeTolerance = DefaultRelativeTolerance)
    {
        ArgumentNullException.ThrowIfNull(h);
        return Prepare(distribution, relativeTolerance)((x, _) => h(x));
    }

    /// <summary>
    /// E[h(X)] over a range that keeps the law's tails down to e^-100 of its peak (rather than e^-46): for
    /// integrals far smaller than the mass, such as the variance of a law that barely moves.
    /// </summary>
    internal static double TailExpectation(IReferenceDistribution distribution, Func<double, double> h) =>
        Prepare(distribution, DefaultRelativeTolerance, IntegrationDomain.TailCutoff)((x, _) => h(x));

    /// <summary>
    /// E[h(X)] where h also receives the distance of X to the upper end of a bounded support
    /// (1 - X on the unit interval, computed without cancellation; NaN for unbounded supports).
    /// </summary>
    public static double Expectation(IReferenceDistribution distribution, Func<double, double, double> h)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        ArgumentNullException.ThrowIfNull(h);
        return Prepare(distribution, DefaultRelativeTolerance)(h);
    }

    /// <summary>
    /// Finds the integration range once and returns a function computing E[h(X)] for any h: for
    /// nested integrals, where the inner law stays fixed while h changes.
    /// </summary>
    internal static Func<Func<double, double, double>, double> Prepare(
        IReferenceDistribution distribution, double relativeTolerance = DefaultRelativeTolerance, double cutoff = IntegrationDomain.DefaultCutoff)
    {
        var domain = new IntegrationDomain(distribution, cutoff);
        var (lo, mode, hi) = domain.Range();
        return h =>
        {
            double Integrand(double t)
            {
                double lw = domain.LogWeight(t);
                if (double.IsNegativeInfinity(lw) || double.IsNaN(lw))
                {
                    return 0; // outside the support: no mass, whatever h does there
                }

                var (x, c) = domain.Point(t);
                return Math.Exp(lw) * h(x, c);
            }

            return Integrate(Integrand, lo, mode, relativeTolerance) + Integrate(Integrand, mode, hi, relativeTolerance);
        };
    }

    /// <summary>Total mass the transformed quadrature sees; 1 up to quadrature error for a valid density.</summary>
    public static double TotalMass(IReferenceDistribution distribution) =>
        Expectation(distribution, (_, _) => 1.0);

    /// <summary>E[(X - E X)^k] for k in 1..8.</summary>
    public static double CentralMoment(IReferenceDistribution distribution, int k)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        if (k < 1 || k > 8)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, "k must be in 1..8.");
        }

        double m = distribution.Mean;
        return Expectation(distribution, x => Math.Pow(x - m, k));
    }
}
