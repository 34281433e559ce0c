using GateDsl.Reference;

namespace GateDsl.Validation;

/// <summary>
/// A CLT test of the sample (Pearson) correlation against a reference correlation. The standard
/// error comes from the delta method, without assuming normal data: with standardized
/// u = (x - mean x)/sd x and v = (y - mean y)/sd y, the influence function of r is
/// psi = u v - (rho/2)(u^2 + v^2) and sqrt(n)(r - rho) -&gt; N(0, Var psi). Var psi is estimated from
/// the same draws (a consistent plug-in), so the false-failure probability alpha is asymptotic;
/// with n in the tens of thousands and bounded data (our pairs live in (0,1)^2) the error of the
/// normal approximation is far below alpha's order. (The Fisher z bound (1 - rho^2)/sqrt(n) is only
/// right for bivariate normal data; for Beta pairs it is off by a factor that depends on the shapes.)
/// </summary>
public static class CorrelationTest
{
    /// <summary>Runs the test. Range: equal-length samples with n &gt;= 3; alpha in (0, 1).</summary>
    public static CorrelationResult Test(IReadOnlyList<double> xs, IReadOnlyList<double> ys, double reference, double alpha)
    {
        ArgumentNullException.ThrowIfNull(xs);
        ArgumentNullException.ThrowIfNull(ys);
        if (xs.Count != ys.Count || xs.Count < 3)
        {
            throw new ArgumentException("xs and ys must have the same length, at least 3.", nameof(ys));
        }

        var n = xs.Count;
        var (r, se) = SampleWithStandardError(xs, ys);
        var z = MomentTest.TwoSidedZ(alpha);
        var stat = Math.Abs(r - reference);
        var p = Math.Min(1, 2 * MathNet.Numerics.Distributions.Normal.CDF(0, 1, -stat / se));
        var test = new StatisticalTestResult("Correlation", n, stat, z * se, p, alpha, stat <= z * se);
        return new CorrelationResult(r, reference, se, test);
    }

    /// <summary>
    /// The sample correlation and its delta-method standard error sqrt(Var psi / n) (see the class
    /// remarks); needs no reference value, so laws without one get it too.
    /// Range: equal-length samples with n &gt;= 3.
    /// </summary>
    public static (double Correlation, double StandardError) SampleWithStandardError(IReadOnlyList<double> xs, IReadOnlyList<double> ys)
    {
        ArgumentNullException.ThrowIfNull(xs);
        ArgumentNullException.ThrowIfNull(ys);
        if (xs.Count != ys.Count || xs.Count < 3)
        {
            throw new ArgumentException("xs and ys must have the same length, at least 3.", nameof(ys));
        }

        var n = xs.Count;
        var r = Descriptive.Correlation(xs, ys);
        var (mx, my) = (Descriptive.Mean(xs), Descriptive.Mean(ys));
        var (sx, sy) = (Math.Sqrt(Descriptive.Variance(xs)), Math.Sqrt(Descriptive.Variance(ys)));
        var psi = new double[n];
        for (var i = 0; i < n; i++)
        {
            var u = (xs[i] - mx) / sx;
            var v = (ys[i] - my) / sy;
            psi[i] = u * v - 0.5 * r * (u * u + v * v);
        }

        return (r, Math.Sqrt(Descriptive.Variance(psi) / n));
    }

    /// <summary>
    /// n so that a correlation shifted by <paramref name="delta"/> from the reference is missed with
    /// probability at most beta, for a per-draw standard deviation <paramref name="psiSd"/> of the
    /// influence function: n = ((z(alpha/2) + z(beta)) psiSd / delta)^2 (CLT).
    /// </summary>
    public static int SampleSizeForPower(double delta, double psiSd, double alpha, double beta)
        => MomentTest.SampleSizeForPower(delta, psiSd, alpha, beta);
}
