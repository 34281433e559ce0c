using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Distributions;

/// <summary>
/// LogitNormal(mu, sigma) on (0, 1): X = sigmoid(mu + sigma Z), Z ~ Normal(0, 1). A sigmoid gate with
/// Gaussian noise on its pre-activation.
/// </summary>
public sealed class LogitNormal : Distribution
{
    /// <summary>Creates the distribution.</summary>
    /// <param name="mu">Location of the pre-activation. Range: finite.</param>
    /// <param name="sigma">Scale of the pre-activation. Range: sigma &gt; 0.</param>
    /// <param name="validate">Check the ranges (one device-to-host sync per parameter).</param>
    public LogitNormal(Tensor mu, Tensor sigma, bool validate = true)
        : base("LogitNormal", Support.UnitInterval, validate, NamedParameter.Finite("mu", mu), NamedParameter.Positive("sigma", sigma))
    {
        Mu = Parameters[0];
        Sigma = Parameters[1];
    }

    /// <summary>Location of the pre-activation.</summary>
    public Tensor Mu { get; }

    /// <summary>Scale of the pre-activation.</summary>
    public Tensor Sigma { get; }

    /// <summary>No closed form: computed by quadrature in float64 (see <see cref="SigmoidMoments"/>).</summary>
    public override Tensor Mean => Moments().Mean;

    /// <summary>No closed form: computed by quadrature in float64 without cancellation (see <see cref="SigmoidMoments"/>).</summary>
    public override Tensor Variance => Moments().Variance;

    /// <inheritdoc/>
    public override Tensor RSample(long[]? sampleShape = null, Generator? generator = null)
    {
        using var scope = torch.NewDisposeScope();
        var z = torch.randn(ExtendedShape(sampleShape), DType, Device, generator: generator);
        // mu + sigma z may overflow to +-inf (never NaN: mu is finite); the sigmoid then saturates with slope 0.
        return scope.MoveToOuter(Sampling.ClampOpenUnit(torch.sigmoid(Mu + Sigma * z)));
    }

    /// <summary>
    /// log p(x) = -log(sigma sqrt(2 pi)) - (logit x - mu)^2 / (2 sigma^2) - log x - log(1 - x) on (0, 1), in float64;
    /// -inf at 0 and 1 (the density vanishes there) and outside.
    /// </summary>
    public override Tensor LogProb(Tensor value)
    {
        using var scope = torch.NewDisposeScope();
        var (mu, sigma) = (Precision.Wide(Mu), Precision.Wide(Sigma));
        var v = Precision.Wide(value.to(DType));
        var vanishing = torch.full_like(mu + sigma, double.NegativeInfinity);
        var lp = SupportEnds.UnitInterval(v, DType,
            (x, c) =>
            {
                var logX = SpecialFunctions.LogComplement(c, x);
                var log1mX = SpecialFunctions.LogComplement(x, c);
                var z = (logX - log1mX - mu) / sigma;
                return -sigma.log() - 0.5 * Math.Log(2.0 * Math.PI) - 0.5 * z.square() - logX - log1mX;
            },
            vanishing,
            vanishing);
        return scope.MoveToOuter(lp);
    }

    private (Tensor Mean, Tensor Variance) Moments()
    {
        using var scope = torch.NewDisposeScope();
        var (mu, sigma) = (Precision.Wide(Mu), Precision.Wide(Sigma));
        var small = sigma.le(1.0).expand(BatchShape);
        var wide = torch.where(small, 2.0, sigma);
        var (mean, variance) = SigmoidMoments.Compute(
            mu, sigma, wide.reciprocal(), mu / wide, small,
            Quadrature.NormalDensity, n => 0.5 * (n / Math.Sqrt(2.0)).erfc(), BatchShape, Device);
        // The survival function is erfc, not ndtr(-n): libtorch's ndtr is off by 1.5e-5 relative at 7 standard deviations
        // and 0 beyond about 8 (the mean of LogitNormal(-2.65e7, 2.1e6), 1.14e-36, came out 0). Far in the tail
        // (|mu| > 20 sigma) the quadrature's relative accuracy is gone: LogitNormalTail there.
        var tail = LogitNormalTail.Applies(mu, sigma).expand(BatchShape);
        var (tailMean, tailVariance) = LogitNormalTail.Compute(mu.expand(BatchShape), sigma.expand(BatchShape), tail, BatchShape, Device);
        mean = torch.where(tail, tailMean, mean);
        variance = torch.where(tail, tailVariance, variance);
        return (scope.MoveToOuter(Precision.Narrow(mean, DType)), scope.MoveToOuter(Precision.Narrow(variance, DType)));
    }
}
