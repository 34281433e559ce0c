using MathNet.Numerics.Distributions;

namespace GateDsl.Reference;

/// <summary>
/// Tests per-sample pathwise gradients g_i = dx_i/dtheta from a sampler against a reference
/// r(x) = E[dX/dtheta | X = x] (<see cref="ImplicitGradient"/>). Per sample the two may differ (a
/// Gamma-ratio sampler's gradient depends on the other Gammas), but E[(g - r(X)) phi(X)] = 0 for
/// every test function phi. This checks it for phi = 1, x, x^2 with studentized CLT bounds and a
/// Bonferroni split of the false-failure probability (alpha/3 each).
/// </summary>
public static class PathwiseGradientTest
{
    /// <summary>
    /// The statistic is the largest |mean of (g - r(x)) phi(x)| / (its standard error) over the three
    /// test functions; the threshold is z at alpha/3 (two-sided). Range: xs and gradients of equal
    /// length n &gt;= 2 with finite entries; alpha in (0, 1).
    /// </summary>
    public static StatisticalTestResult Check(
        IReadOnlyList<double> xs, IReadOnlyList<double> gradients, Func<double, double> reference, double alpha)
    {
        ArgumentNullException.ThrowIfNull(xs);
        ArgumentNullException.ThrowIfNull(gradients);
        ArgumentNullException.ThrowIfNull(reference);
        Guard.Probability(alpha, nameof(alpha));
        if (xs.Count != gradients.Count || xs.Count < 2)
        {
            throw new ArgumentException($"xs and gradients must have the same length >= 2 (got {xs.Count} and {gradients.Count}).", nameof(gradients));
        }

        int n = xs.Count;
        var residual = new double[n];
        for (int i = 0; i < n; i++)
        {
            residual[i] = gradients[i] - reference(xs[i]);
            if (!double.IsFinite(residual[i]))
            {
                throw new ArgumentException($"gradient or reference is not finite at x = {xs[i]} (g = {gradients[i]}).", nameof(gradients));
            }
        }

        double worst = 0;
        for (int k = 0; k <= 2; k++)
        {
            var terms = new double[n];
            for (int i = 0; i < n; i++)
            {
                terms[i] = residual[i] * Math.Pow(xs[i], k);
            }

            double mean = terms.Average();
            double variance = terms.Sum(t => (t - mean) * (t - mean)) / (n - 1);
            double z = variance > 0 ? Math.Abs(mean) / Math.Sqrt(variance / n) : (mean == 0 ? 0 : double.PositiveInfinity);
            worst = Math.Max(worst, z);
        }

        double threshold = MomentTest.TwoSidedZ(alpha / 3);
        double p = Math.Min(1, 3 * 2 * Normal.CDF(0, 1, -worst));
        return new StatisticalTestResult("PathwiseGradient", n, worst, threshold, p, alpha, worst <= threshold);
    }
}
