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
        : this(ParameterSet.Create("RelaxedBernoulli", ("temperature", temperature), ("logits", logits)), validate)
    {
    }

    private RelaxedBernoulli(ParameterSet p, bool validate)
        : base("RelaxedBernoulli", Support.UnitInterval, p)
    {
        Temperature = p.Values[0];
        Logits = p.Values[1];
        if (validate)
        {
            ParameterValidation.Positive(Name, "temperature", Temperature);
            ParameterValidation.Finite(Name, "logits", Logits);
        }
    }

    /// <summary>Temperature.</summary>
    public Tensor Temperature { get; }

    /// <summary>Logits.</summary>
    public Tensor Logits { get; }

    /// <summary>No closed form: computed by quadrature over the logistic noise (see <see cref="Quadrature"/>).</summary>
    public override Tensor Mean => Quadrature.Expect(u => Transform(u), BatchShape, DType, Device);

    /// <summary>No closed form: E[X^2] - E[X]^2, both by quadrature over the logistic noise.</summary>
    public override Tensor Variance
    {
        get
        {
            using var scope = torch.NewDisposeScope();
            var m1 = Quadrature.Expect(u => Transform(u), BatchShape, DType, Device);
            var m2 = Quadrature.Expect(u => Transform(u).square(), BatchShape, DType, Device);
            return scope.MoveToOuter(m2 - m1.square());
        }
    }

    /// <inheritdoc/>
    public override Tensor RSample(long[]? sampleShape = null, Generator? generator = null)
    {
        using var scope = torch.NewDisposeScope();
        var u = Sampling.Uniform(ExtendedShape(sampleShape), DType, Device, generator);
        return scope.MoveToOuter(Sampling.ClampOpenUnit(Transform(u)));
    }

    /// <summary>
    /// log p(x) = log t + logits - (t+1)(log x + log(1-x)) - 2 log(e^logits x^-t + (1-x)^-t),
    /// the last term as a log-sum-exp.
    /// </summary>
    public override Tensor LogProb(Tensor value)
    {
        using var scope = torch.NewDisposeScope();
        var v = value.to(DType);
        var inside = v.gt(0.0).logical_and(v.lt(1.0));
        var lp = Sampling.MaskedLogProb(inside, v, 0.5, x =>
        {
            var logX = x.log();
            var log1mX = (-x).log1p();
            var t = Temperature;
            return t.log() + Logits - (t + 1.0) * (logX + log1mX)
                - 2.0 * torch.logaddexp(Logits - t * logX, -t * log1mX);
        });
        return scope.MoveToOuter(lp);
    }

    private Tensor Transform(Tensor u)
    {
        using var scope = torch.NewDisposeScope();
        var noise = u.log() - (-u).log1p();
        return scope.MoveToOuter(torch.sigmoid((Logits + noise) / Temperature));
    }
}
