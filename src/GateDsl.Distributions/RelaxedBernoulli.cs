using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Distributions;

/// <summary>
/// Binary Concrete / RelaxedBernoulli(temperature, logits) on (0, 1) (Maddison et al. 2017; Jang et al.
/// 2017): X = sigmoid((logits + L) / temperature) with L ~ Logistic(0, 1) = log U - log(1 - U).
/// As the temperature goes to 0 it approaches Bernoulli(sigmoid(logits)).
/// </summary>
public sealed class RelaxedBernoulli : Distribution
{
    /// <summary>Creates the distribution.</summary>
    /// <param name="temperature">Temperature. Range: temperature &gt; 0.</param>
    /// <param name="logits">Log-odds of the limiting Bernoulli. Range: finite.</param>
    /// <param name="validate">Check the ranges (one device-to-host sync per parameter).</param>
    public RelaxedBernoulli(Tensor temperature, Tensor logits, bool validate = true)
        : base("RelaxedBernoulli", Support.UnitInterval, validate, NamedParameter.Positive("temperature", temperature), NamedParameter.Finite("logits", logits))
    {
        Temperature = Parameters[0];
        Logits = Parameters[1];
    }

    /// <summary>Temperature.</summary>
    public Tensor Temperature { get; }

    /// <summary>Logits.</summary>
    public Tensor Logits { get; }

    /// <summary>No closed form: computed by quadrature in float64 (see <see cref="SigmoidMoments"/>).</summary>
    public override Tensor Mean => Moments().Mean;

    /// <summary>No closed form: computed by quadrature in float64 without cancellation (see <see cref="SigmoidMoments"/>).</summary>
    public override Tensor Variance => Moments().Variance;

    /// <summary>
    /// sigmoid((logits + L) / temperature), L = log U - log(1 - U). Temperatures or logits outside the fast
    /// path go through <see cref="Saturation"/> in float64: at temperature 1e-310 every draw is 0 or 1
    /// (P(1) = sigmoid(logits)) with gradient 0.
    /// </summary>
    public override Tensor RSample(long[]? sampleShape = null, Generator? generator = null)
    {
        using var scope = torch.NewDisposeScope();
        var shape = ExtendedShape(sampleShape);
        var ranges = Sampling.Ranges(Temperature, Logits.abs());
        Tensor x;
        if (ranges[0].Min >= Sampling.FastLow && ranges[0].Max <= Sampling.FastHigh(DType) && ranges[1].Max <= Sampling.FastHigh(DType))
        {
            var u = Sampling.Uniform(shape, DType, Device, generator);
            x = Sampling.ClampOpenUnit(torch.sigmoid((Logits + LogisticNoise(u)) / Temperature));
        }
        else
        {
            Tensor noise;
            using (torch.no_grad())
            {
                noise = LogisticNoise(Sampling.Uniform(shape, ScalarType.Float64, Device, generator));
            }

            var wide = Saturation.Clamp(
                [Precision.Wide(Temperature), Precision.Wide(Logits), noise],
                [1.0, 0.0, 0.0],
                t => torch.sigmoid((t[1] + t[2]) / t[0]),
                Sampling.Tiny(DType),
                Sampling.OneMinusEps(DType));
            x = Sampling.ClampOpenUnit(Precision.Narrow(wide, DType));
        }

        return scope.MoveToOuter(x);
    }

    /// <summary>
    /// log p(x) = log t - log x - log(1 - x) + log s'(t logit(x) - logits) with log s'(z) = -|z| - 2 log1p(e^-|z|)
    /// the log of the logistic density (no cancellation), in float64. At 0 the density's limit is +inf for
    /// t &lt; 1, e^-logits for t = 1 and 0 for t &gt; 1 (it behaves like (t / e^logits) x^(t-1)); at 1 likewise
    /// with e^logits.
    /// </summary>
    public override Tensor LogProb(Tensor value)
    {
        using var scope = torch.NewDisposeScope();
        var (t, logits) = (Precision.Wide(Temperature), Precision.Wide(Logits));
        var v = Precision.Wide(value.to(DType));
        var lp = SupportEnds.UnitInterval(v, DType,
            (x, c) =>
            {
                var logX = SpecialFunctions.LogComplement(c, x);
                var log1mX = SpecialFunctions.LogComplement(x, c);
                var z = (t * (logX - log1mX) - logits).abs();
                return t.log() - logX - log1mX - z - 2.0 * (-z).exp().log1p();
            },
            SupportEnds.Limit(t - 1.0, -logits),
            SupportEnds.Limit(t - 1.0, logits));
        return scope.MoveToOuter(lp);
    }

    private static Tensor LogisticNoise(Tensor u)
    {
        using var scope = torch.NewDisposeScope();
        return scope.MoveToOuter(u.log() - (-u).log1p());
    }

    private (Tensor Mean, Tensor Variance) Moments()
    {
        using var scope = torch.NewDisposeScope();
        var (t, logits) = (Precision.Wide(Temperature), Precision.Wide(Logits));
        // sigmoid((logits + L)/t) = sigmoid(c + d L) with c = logits / t, d = 1 / t.
        var small = t.ge(1.0).expand(BatchShape);
        var ts = torch.where(small, t, 1.0);
        var tl = torch.where(small, 0.5, t);
        var (mean, variance) = SigmoidMoments.Compute(
            logits / ts, ts.reciprocal(), tl, logits, small,
            Quadrature.LogisticDensity, n => torch.sigmoid(-n), BatchShape, Device);
        return (scope.MoveToOuter(Precision.Narrow(mean, DType)), scope.MoveToOuter(Precision.Narrow(variance, DType)));
    }
}
