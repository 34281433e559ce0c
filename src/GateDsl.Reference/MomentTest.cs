using MathNet.Numerics.Distributions;

namespace GateDsl.Reference;

/// <summary>
/// Tests of the sample mean and sample variance against reference moments, with central-limit
/// bounds: |statistic| &lt;= z sd / sqrt(n), z = Phi^-1(1 - alpha/2). The false-failure probability
/// alpha is asymptotic (CLT); with n in the thousands and finite fourth (for the variance test,
/// eighth) moments the deviation is a small fraction of alpha. Use the DKW check where a
/// non-asymptotic guarantee is required.
/// </summary>
public static class MomentTest
{
    /// <summary>
    /// Passes when |mean(sample) - mean| &lt;= z sqrt(variance / n). The p-value is
    /// 2 (1 - Phi(|mean(sample) - mean| / sqrt(variance / n))). Range: variance &gt; 0 (the reference
    /// variance, or the sample variance for a studentized test), alpha in (0, 1), n &gt;= 2.
    /// </summary>
    public static StatisticalTestResult Mean(IReadOnlyCollection<double> sample, double mean, double variance, double alpha)
    {
        Guard.Sample(sample, 2, nameof(sample));
        Guard.Finite(mean, nameof(mean));
        Guard.Positive(variance, nameof(variance));
        Guard.Probability(alpha, nameof(alpha));
        int n = sample.Count;
        double se = Math.Sqrt(variance / n);
        double stat = Math.Abs(sample.Average() - mean);
        return Result("Mean", n, stat, se, alpha);
    }

    /// <summary>
    /// Passes when |(1/n) sum (x - mean)^2 - variance| &lt;= z sqrt((mu4 - variance^2) / n), where the
    /// known reference mean is used (so the statistic is an average of iid terms with variance
    /// mu4 - sigma^4). Range: variance &gt; 0, fourthCentralMoment &gt; variance^2, alpha in (0, 1).
    /// </summary>
    public static StatisticalTestResult Variance(
        IReadOnlyCollection<double> sample, double mean, double variance, double fourthCentralMoment, double alpha)
    {
        Guard.Sample(sample, 2, nameof(sample));
        Guard.Finite(mean, nameof(mean));
        Guard.Positive(variance, nameof(variance));
        Guard.Probability(alpha, nameof(alpha));
        double spread = fourthCentralMoment - variance * variance;
        if (!(spread > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(fourthCentralMoment), fourthCentralMoment, $"fourthCentralMoment must exceed variance^2 = {variance * variance}.");
        }

        int n = sample.Count;
        double s2 = sample.Sum(x => (x - mean) * (x - mean)) / n;
        return Result("Variance", n, Math.Abs(s2 - variance), Math.Sqrt(spread / n), alpha);
    }

    /// <summary>The two-sided normal quantile z = Phi^-1(1 - alpha/2). Range: alpha in (0, 1).</summary>
    public static double TwoSidedZ(double alpha) => Normal.InvCDF(0, 1, 1 - Guard.Probability(alpha, nameof(alpha)) / 2);

    /// <summary>
    /// n so that a test of a mean with standard deviation sd per draw, at false-failure probability
    /// alpha, misses a shift of delta with probability at most beta (CLT):
    /// n = ceil(((z_(alpha/2) + z_beta) sd / delta)^2). Range: delta, sd &gt; 0; alpha, beta in (0, 1).
    /// </summary>
    public static int SampleSizeForPower(double delta, double sd, double alpha, double beta)
    {
        Guard.Positive(delta, nameof(delta));
        Guard.Positive(sd, nameof(sd));
        Guard.Probability(beta, nameof(beta));
        double z = TwoSidedZ(alpha) + Normal.InvCDF(0, 1, 1 - beta);
        return checked((int)Math.Ceiling(z * z * sd * sd / (delta * delta)));
    }

    private static StatisticalTestResult Result(string name, int n, double stat, double se, double alpha)
    {
        double z = TwoSidedZ(alpha);
        double p = Math.Min(1, 2 * Normal.CDF(0, 1, -stat / se)); // upper tail without cancellation
        return new StatisticalTestResult(name, n, stat, z * se, p, alpha, stat <= z * se);
    }
}
