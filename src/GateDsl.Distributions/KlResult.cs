using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Distributions;

/// <summary>A KL divergence per batch element, with how it was computed.</summary>
/// <param name="Value">KL(p || q), with the broadcast batch shape of p and q.</param>
/// <param name="Method">Exact, truncated series, upper bound or Monte Carlo.</param>
/// <param name="StandardError">For Monte Carlo: the standard error of <paramref name="Value"/>; otherwise null.</param>
/// <param name="Samples">For Monte Carlo: the number of draws; otherwise 0.</param>
public sealed record KlResult(Tensor Value, KlMethod Method, Tensor? StandardError = null, int Samples = 0)
{
    /// <summary>True when <see cref="Value"/> is the exact divergence.</summary>
    public bool IsExact => Method == KlMethod.Exact;

    /// <summary>True when <see cref="Value"/> is an upper bound on the divergence.</summary>
    public bool IsUpperBound => Method == KlMethod.UpperBound;

    /// <summary>True when <see cref="Value"/> is a Monte Carlo estimate.</summary>
    public bool IsMonteCarlo => Method == KlMethod.MonteCarlo;
}
