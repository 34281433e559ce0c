namespace GateDsl.Training.Runs;

/// <summary>
/// Input and forget gate values of the first layer on the test part at the best checkpoint (evaluation
/// mode): histograms over [0, 1] and the joint histogram, so plots of several runs can be drawn from
/// metrics.json alone.
/// </summary>
/// <param name="Split">Which part the values come from.</param>
/// <param name="Count">Number of (i, f) pairs.</param>
/// <param name="InputMean">Mean of i.</param>
/// <param name="ForgetMean">Mean of f.</param>
/// <param name="Correlation">Pearson correlation of i and f over units, steps and sequences.</param>
/// <param name="InputHistogram">Counts of i in <see cref="Bins"/> equal bins over [0, 1].</param>
/// <param name="ForgetHistogram">Counts of f in the same bins.</param>
/// <param name="Joint">Counts of (i, f) in JointBins x JointBins cells, row = i bin, column = f bin, flattened row by row.</param>
/// <param name="JointBins">Bins per axis of <paramref name="Joint"/>.</param>
public sealed record GateSummary(
    string Split,
    long Count,
    double InputMean,
    double ForgetMean,
    double Correlation,
    long[] InputHistogram,
    long[] ForgetHistogram,
    long[] Joint,
    int JointBins)
{
    /// <summary>Bins of the one-dimensional histograms.</summary>
    public const int Bins = 50;

    /// <summary>Bins per axis of the joint histogram.</summary>
    public const int DefaultJointBins = 40;

    /// <summary>Summarises recorded pairs.</summary>
    public static GateSummary? From(string split, IReadOnlyList<float> i, IReadOnlyList<float> f)
    {
        ArgumentNullException.ThrowIfNull(i);
        ArgumentNullException.ThrowIfNull(f);
        var n = Math.Min(i.Count, f.Count);
        if (n == 0)
        {
            return null;
        }

        var hi = new long[Bins];
        var hf = new long[Bins];
        var joint = new long[DefaultJointBins * DefaultJointBins];
        double si = 0, sf = 0;
        for (var k = 0; k < n; k++)
        {
            si += i[k];
            sf += f[k];
            hi[Bin(i[k], Bins)]++;
            hf[Bin(f[k], Bins)]++;
            joint[Bin(i[k], DefaultJointBins) * DefaultJointBins + Bin(f[k], DefaultJointBins)]++;
        }

        double mi = si / n, mf = sf / n, cov = 0, vi = 0, vf = 0;
        for (var k = 0; k < n; k++)
        {
            cov += (i[k] - mi) * (f[k] - mf);
            vi += (i[k] - mi) * (i[k] - mi);
            vf += (f[k] - mf) * (f[k] - mf);
        }

        var correlation = vi > 0 && vf > 0 ? cov / Math.Sqrt(vi * vf) : 0;
        return new GateSummary(split, n, mi, mf, correlation, hi, hf, joint, DefaultJointBins);
    }

    private static int Bin(float value, int bins) => Math.Clamp((int)(value * bins), 0, bins - 1);
}
