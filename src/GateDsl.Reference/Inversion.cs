namespace GateDsl.Reference;

/// <summary>
/// Quantiles by bisection in log or logit space: slow (about 100 CDF calls) but robust where
/// MathNet's own inverse is documented as unreliable (Beta) and for tiny probabilities.
/// </summary>
internal static class Inversion
{
    public static double Quantile(Func<double, double> cdf, SupportKind support, double p)
    {
        Guard.Probability(p, nameof(p));
        Func<double, double> map = support switch
        {
            SupportKind.Positive => Math.Exp,
            SupportKind.UnitInterval => Numerics.Sigmoid,
            _ => throw new ArgumentOutOfRangeException(nameof(support), support, "Only Positive and UnitInterval supports are inverted by bisection."),
        };
        double lo = -745;
        double hi = 709;
        for (int i = 0; i < 200 && hi - lo > 1e-13 * Math.Max(1, Math.Abs(lo)); i++)
        {
            double mid = 0.5 * (lo + hi);
            if (cdf(map(mid)) < p)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return map(0.5 * (lo + hi));
    }
}
