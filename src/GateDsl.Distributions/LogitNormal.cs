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
        : this(ParameterSet.Create("LogitNormal", ("mu", mu), ("sigma", sigma)), validate)
    {
    }

    private LogitNormal(ParameterSet p, bool validate)
        : base("LogitNormal", Support.UnitInterval, p)
    {
        Mu = p.Values[0];
        Sigma = p.Values[1];
        if (validate)
        {
            ParameterValidation.Finite(Name, "mu", Mu);
            ParameterValidation.Positive(Name, "sigma", Sigma);
        }
    }

    /// <summary>Location of the pre-activation.</summary>
    public Tensor Mu { get; }

    /// <summary>Scale of the pre-activation.</summary>
    public Tensor Sigma { get; }

    /// <summary>No closed form: computed by quadrature over the normal quantile (see <see cref="Quadrature"/>).</summary>
    public override Tensor Mean => Quadrature.Expect(u => FromUniform(u), BatchShape, DType, Device);

    /// <summary>No closed form: E[X^2] - E[X]^2 by quadrature.</summary>
    public override Tensor Variance
    {
        get
        {
            using var scope = torch.NewDisposeScope();
            var m1 = Quadrature.Expect(u => FromUniform(u), BatchShape, DType, Device);
            var m2 = Quadrature.Expect(u => FromUniform(u).square(), BatchShape, DType, Device);
            return scope.MoveToOuter(m2 - m1.square());
        }
    }

    /// <inheritdoc/>
    public override Tensor RSample(long[]? sampleShape = null, Generator? generator = null)
    {
        using var scope = torch.NewDisposeScope();
        var z = torch.randn(ExtendedShape(sampleShape), DType, Device, generator: generator);
        return scope.MoveToOuter(Sampling.ClampOpenUnit(torch.sigmoid(Mu + Sigma * z)));
    }

    /// <summary>log p(x) = -log(sigma sqrt(2 pi)) - (logit x - mu)^2 / (2 sigma^2) - log x - log(1 - x).</summary>
    public override Tensor LogProb(Tensor value)
    {
        using var scope = torch.NewDisposeScope();
        var v = value.to(DType);
        var inside = v.gt(0.0).logical_and(v.lt(1.0));
        var lp = Sampling.MaskedLogProb(inside, v, 0.5, x =>
        {
            var logX = x.log();
            var log1mX = (-x).log1p();
            var z = (logX - log1mX - Mu) / Sigma;
            return -Sigma.log() - 0.5 * Math.Log(2.0 * Math.PI) - 0.5 * z.square() - logX - log1mX;
        });
        return scope.MoveToOuter(lp);
    }

    private Tensor FromUniform(Tensor u)
    {
        using var scope = torch.NewDisposeScope();
        // ndtri is the normal quantile. (torch.erfinv in TorchSharp 0.107 computes erf, not its inverse.)
        var z = torch.special.ndtri(u);
        return scope.MoveToOuter(torch.sigmoid(Mu + Sigma * z));
    }
}
