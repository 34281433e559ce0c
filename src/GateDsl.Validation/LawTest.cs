using GateDsl.Reference;
using TorchSharp;

namespace GateDsl.Validation;

/// <summary>
/// The KS test of draws against a reference CDF, restricted to the window of values the dtype can
/// represent faithfully (see <see cref="WindowedKs"/>). Why: no double lies in (1 - 2^-53, 1), so a
/// Beta(0.05, 0.1) puts 0.85% of its mass on the single value 1 - 2^-53, and a plain KS test rejects
/// the (correct) sampler at n = 200,000 (p = 5e-13; seen in the full suite). On the unit interval the
/// window is [1e-300, 1 - 2^-50] in float64 and [1e-37, 1 - 2^-12] in float32 (float32 draws near 1
/// are rounded to steps of 6e-8); on the positive half-line the lower end is the same; at the top of
/// the positive half-line and at both ends of the real line the window stops just inside the largest
/// finite value of the dtype, where draws beyond the range saturate (Normal(0, 1e308) puts 7% of its
/// draws there). The p-value is the Kolmogorov one of the windowed statistic, which is conservative
/// (the windowed sup is at most the full sup).
/// </summary>
public static class LawTest
{
    /// <summary>The faithful window of a support in a dtype.</summary>
    public static (double Lower, double Upper) Window(SupportKind support, torch.ScalarType dtype)
    {
        var single = dtype == torch.ScalarType.Float32;
        var lower = single ? 1e-37 : 1e-300;
        var top = single ? (double)MathF.BitDecrement(float.MaxValue) : Math.BitDecrement(double.MaxValue);
        return support switch
        {
            SupportKind.UnitInterval => (lower, single ? 1 - Math.Pow(2, -12) : 1 - Math.Pow(2, -50)),
            SupportKind.Positive => (lower, top),
            _ => (-top, top),
        };
    }

    /// <summary>KS test of <paramref name="sample"/> against <paramref name="reference"/> over the faithful window.</summary>
    public static StatisticalTestResult Ks(IReadOnlyList<double> sample, IReferenceDistribution reference, double alpha, torch.ScalarType dtype = torch.ScalarType.Float64)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(reference);
        var (lo, hi) = Window(reference.Support, dtype);
        var d = WindowedKs.Statistic(sample, reference.Cdf, lo, hi);
        var n = sample.Count;
        var p = KolmogorovDistribution.Survival(n, d);
        return new StatisticalTestResult("KolmogorovSmirnov", n, d, KolmogorovSmirnov.SmirnovCriticalValue(n, alpha), p, alpha, p >= alpha);
    }

    /// <summary>DKW check over the faithful window, with Massart's bound (non-asymptotic).</summary>
    public static StatisticalTestResult Dkw(IReadOnlyList<double> sample, IReferenceDistribution reference, double alpha, torch.ScalarType dtype = torch.ScalarType.Float64)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var (lo, hi) = Window(reference.Support, dtype);
        return WindowedKs.Check(sample, reference.Cdf, lo, hi, alpha);
    }
}
