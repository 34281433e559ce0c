namespace GateDsl.Reference;

/// <summary>
/// Maps a support onto the real line so that densities become smooth bumps with light tails:
/// identity (rescaled) on R, log on (0, inf), logit on (0, 1) and on a bounded interval. Endpoint
/// singularities such as x^(a-1) with a &lt; 1 turn into exponential tails there, which adaptive
/// Gauss-Kronrod handles well. The range is found by scanning the transformed log density.
/// </summary>
internal sealed class IntegrationDomain
{
    // Mass outside the kept range is below exp(-Cutoff) relative to the peak (times the width).
    private const double Cutoff = 46.0;

    private readonly IReferenceDistribution _d;
    private readonly double _center;
    private readonly double _scale;

    public IntegrationDomain(IReferenceDistribution distribution)
    {
        _d = distribution;
        if (distribution.Support == SupportKind.Real)
        {
            // Real-line laws must have closed-form moments: they set the scale of the scan.
            _center = distribution.Mean;
            _scale = Math.Sqrt(distribution.Variance);
        }
        else if (distribution.Support == SupportKind.Interval)
        {
            _center = distribution.SupportLower;
            _scale = distribution.SupportUpper - distribution.SupportLower;
        }
        else
        {
            _center = 0;
            _scale = 1;
        }
    }

    /// <summary>The point x(t) and its distance to the upper end (for the unit interval, 1 - x).</summary>
    public (double X, double Complement) Point(double t) => _d.Support switch
    {
        SupportKind.Real => (_center + _scale * t, double.NaN),
        SupportKind.Positive => (Math.Exp(t), double.NaN),
        SupportKind.UnitInterval => (Numerics.Sigmoid(t), Numerics.Sigmoid(-t)),
        _ => (_center + _scale * Numerics.Sigmoid(t), _scale * Numerics.Sigmoid(-t)),
    };

    /// <summary>log of the density of t = transform(X) at t.</summary>
    public double LogWeight(double t)
    {
        var (x, c) = Point(t);
        switch (_d.Support)
        {
            case SupportKind.Real:
                return _d.LogPdf(x) + Math.Log(_scale);
            case SupportKind.Positive:
                return _d.LogPdf(x) + t;
            case SupportKind.UnitInterval:
                double lf = _d is IUnitIntervalLogDensity u ? u.LogPdf(x, c) : _d.LogPdf(x);
                return lf + Numerics.LogSigmoid(t) + Numerics.LogSigmoid(-t);
            default:
                return _d.LogPdf(x) + Math.Log(_scale) + Numerics.LogSigmoid(t) + Numerics.LogSigmoid(-t);
        }
    }

    /// <summary>The t-range holding all but a negligible share of the mass, and the mode's grid point.</summary>
    public (double Low, double Mode, double High) Range()
    {
        double lo = _d.Support == SupportKind.Real ? -60 : -700;
        double hi = _d.Support == SupportKind.Real ? 60 : 700;
        double step = _d.Support == SupportKind.Real ? 0.125 : 0.5;
        int n = (int)Math.Round((hi - lo) / step);
        var g = new double[n + 1];
        int best = 0;
        for (int i = 0; i <= n; i++)
        {
            g[i] = LogWeight(lo + i * step);
            if (double.IsNaN(g[i]))
            {
                g[i] = double.NegativeInfinity;
            }

            if (g[i] > g[best])
            {
                best = i;
            }
        }

        double threshold = g[best] - Cutoff;
        int first = best;
        int last = best;
        for (int i = 0; i <= n; i++)
        {
            if (g[i] > threshold)
            {
                first = Math.Min(first, i);
                last = Math.Max(last, i);
            }
        }

        first = Math.Max(0, first - 1);
        last = Math.Min(n, last + 1);
        return (lo + first * step, lo + best * step, lo + last * step);
    }
}
