namespace GateDsl.Reference;

/// <summary>
/// RelaxedBernoulli(temperature, logits), the binary Concrete law (Maddison et al. 2017):
/// X = sigmoid((logits + L) / temperature) with L standard logistic. CDF
/// sigmoid(temperature logit(x) - logits); density
/// temperature alpha x^(-t-1) (1-x)^(-t-1) / (alpha x^(-t) + (1-x)^(-t))^2 with alpha = exp(logits).
/// Mean and variance come from <see cref="Quadrature"/> over the logistic noise (cached).
/// </summary>
public sealed class RelaxedBernoulliReference : UnitIntervalReference
{
    private readonly Lazy<(double Mean, double Variance)> _moments;

    /// <summary>Creates the binary Concrete law. Range: temperature &gt; 0, logits finite.</summary>
    public RelaxedBernoulliReference(double temperature, double logits)
        : base("RelaxedBernoulli", "temperature", "logits")
    {
        Temperature = Guard.Positive(temperature, nameof(temperature));
        Logits = Guard.Finite(logits, nameof(logits));
        // Moments are integrated over the logistic noise, not over x: at low temperatures the logit
        // of X reaches far beyond +-700, where neither x nor 1 - x is representable. At t >= 1, X barely
        // moves and its deviations from sigmoid(logits / t) are formed without cancellation. At t < 1, X
        // is a step of width t in L, so the noises swap roles: E[X] = P(L' < (logits + L)/t) =
        // E_L[sigmoid(logits + t L)] and E[X^2] = P(max(L1, L2) < (logits + L)/t) =
        // E_L[2 sigmoid(L) sigmoid(logits - t L)], with logits reflected to -|logits| so that their
        // difference does not cancel (X and 1 - X have one variance).
        _moments = new Lazy<(double, double)>(() =>
        {
            var noise = new LogisticReference(0, 1);
            if (Temperature < 1)
            {
                double lg = -Math.Abs(Logits);
                double first = Quadrature.TailExpectation(noise, l => Numerics.Sigmoid(lg + Temperature * l));
                double second = Quadrature.TailExpectation(noise, l => 2 * Numerics.Sigmoid(l) * Numerics.Sigmoid(lg - Temperature * l));
                return (Logits > 0 ? 1 - first : first, second - first * first);
            }

            double center = Numerics.Sigmoid(Logits / Temperature);
            double shift = Quadrature.TailExpectation(noise, l => Numerics.SigmoidDifference(Logits / Temperature, l / Temperature));
            double v = Quadrature.TailExpectation(noise, l =>
            {
                double d = Numerics.SigmoidDifference(Logits / Temperature, l / Temperature) - shift;
                return d * d;
            });
            return (center + shift, v);
        });
    }

    /// <summary>Temperature &gt; 0; small values push the mass toward 0 and 1.</summary>
    public double Temperature { get; }

    /// <summary>Logit of the probability of the "on" state, finite.</summary>
    public double Logits { get; }

    /// <inheritdoc />
    public override IReadOnlyList<double> Parameters => [Temperature, Logits];

    /// <inheritdoc />
    public override double Mean => _moments.Value.Mean;

    /// <inheritdoc />
    public override double Variance => _moments.Value.Variance;

    /// <inheritdoc />
    private protected override double LogPdfInside(double logX, double logComplement)
        => Numerics.LogLogisticDensity(Temperature * (logX - logComplement) - Logits) + Math.Log(Temperature) - logX - logComplement;

    /// <summary>
    /// Maddison et al.'s form of the density, written independently of <see cref="UnitIntervalReference.LogPdf(double)"/>
    /// so that tests can check the two agree.
    /// </summary>
    public double MaddisonPdf(double x)
    {
        if (!(x > 0 && x < 1))
        {
            return 0;
        }

        double t = Temperature;
        double alpha = Math.Exp(Logits);
        double den = alpha * Math.Pow(x, -t) + Math.Pow(1 - x, -t);
        return t * alpha * Math.Pow(x, -t - 1) * Math.Pow(1 - x, -t - 1) / (den * den);
    }

    /// <inheritdoc />
    private protected override double CdfInside(double x) =>
        Numerics.Sigmoid(Temperature * (Math.Log(x) - Numerics.Log1p(-x)) - Logits);

    /// <inheritdoc />
    public override double Quantile(double p)
    {
        Guard.Probability(p, nameof(p));
        return Numerics.Sigmoid((Logits + Math.Log(p) - Numerics.Log1p(-p)) / Temperature);
    }

    /// <inheritdoc />
    private protected override IReferenceDistribution Create(IReadOnlyList<double> parameters) => new RelaxedBernoulliReference(parameters[0], parameters[1]);
}
