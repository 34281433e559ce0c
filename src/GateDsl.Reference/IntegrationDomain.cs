namespace GateDsl.Reference;

/// <summary>
/// Maps a support onto the real line so that densities become smooth bumps with light tails:
/// identity (rescaled) on R, log on (0, inf), logit on (0, 1) and on a bounded interval. Endpoint
/// singularities such as x^(a-1) with a &lt; 1 turn into exponential tails there, which adaptive
/// Gauss-Kronrod handles well. The range is found by scanning the transformed log density.
/// </summary>
internal sealed class IntegrationDomain
{
    /// <summary>
    /// Default cut: mass outside the kept range is below exp(-46) relative to the peak (times the width).
    /// Integrals whose result may be far smaller than the mass (the variance of a law that barely moves,
    /// built in the tails of its noise: RelaxedBernoulli(3, -40) has variance 2.5e-12, much of it from
    /// noise beyond 40 where the logistic density is e^-40) pass <see cref="TailCutoff"/>.
    /// </summary>
    public const double DefaultCutoff = 46.0;

    /// <summary>Cut for integrals made of the tails: exp(-100) = 4e-44.</summary>
    public const double TailCutoff = 100.0;

    private readonly double _cutoff;

    private readonly IReferenceDistribution _d;
    private readonly double _center;
    private readonly double _scale;

    public IntegrationDomain(IReferenceDistribution distribution, double cutoff = DefaultCutoff)
    {
        _d = distribution;
        _cutoff = cutoff;
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

    /// <summary>
    /// The t-range holding all but a negligible share of the mass, and the mode's grid point. The scan
    /// is a grid of step 0.5 over |t| &lt;= 700 (0.125 over 60 standard deviations on R), and, for a law
    /// narrower than that step in t (Gamma(1e8) is 1e-4 wide in log space; the coarse grid steps over
    /// its peak and the integral came out 0), also a fine grid of 1/8 of its width over 50 widths around
    /// its mean (width sd/mean in log space, sd/(m(1-m)) in logit space).
    /// </summary>
    public (double Low, double Mode, double High) Range()
    {
        double lo = _d.Support == SupportKind.Real ? -60 : -700;
        double hi = _d.Support == SupportKind.Real ? 60 : 700;
        double step = _d.Support == SupportKind.Real ? 0.125 : 0.5;
        var points = new List<double>();
        int n = (int)Math.Round((hi - lo) / step);
        for (int i = 0; i <= n; i++)
        {
            points.Add(lo + i * step);
        }

        if (Concentration() is var (center, width) && width < step)
        {
            for (int i = -400; i <= 400; i++)
            {
                points.Add(center + i * width / 8);
            }

            points.Sort();
        }

        var g = points.Select(t =>
        {
            double w = LogWeight(t);
            return double.IsNaN(w) ? double.NegativeInfinity : w;
        }).ToArray();
        int best = 0;
        for (int i = 0; i < g.Length; i++)
        {
            if (g[i] > g[best])
            {
                best = i;
            }
        }

        double threshold = g[best] - _cutoff;
        int first = best;
        int last = best;
        for (int i = 0; i < g.Length; i++)
        {
            if (g[i] > threshold)
            {
                first = Math.Min(first, i);
                last = Math.Max(last, i);
            }
        }

        first = Math.Max(0, first - 1);
        last = Math.Min(g.Length - 1, last + 1);
        return (points[first], points[best], points[last]);
    }

    /// <summary>Centre and width of the law in t, from its mean and standard deviation; null on R and on intervals.</summary>
    private (double Center, double Width)? Concentration()
    {
        if (_d.Support is not (SupportKind.Positive or SupportKind.UnitInterval))
        {
            return null;
        }

        double m = _d.Mean;
        double sd = Math.Sqrt(_d.Variance);
        if (!(m > 0 && sd > 0) || !double.IsFinite(m) || !double.IsFinite(sd))
        {
            return null;
        }

        return _d.Support == SupportKind.Positive
            ? (Math.Log(m), sd / m)
            : m < 1 ? (Math.Log(m) - Numerics.Log1p(-m), sd / (m * (1 - m))) : null;
    }
}
