using GateDsl.Distributions;

namespace GateDsl.Compiler.Ir;

/// <summary>
/// One prior's contribution to the loss at every step: <paramref name="Weight"/> * KL(posterior ||
/// prior), per unit and batch element. A prior on a family becomes one term per member.
/// </summary>
/// <param name="Target">The prior's target as written (<c>g[3]</c>, <c>i</c>).</param>
/// <param name="Weight">The prior's weight (1 when not written).</param>
/// <param name="Posterior">The law of the target, its parameters in this program.</param>
/// <param name="Prior">The prior's law; its parameters are constants.</param>
/// <param name="Method">How GateDsl.Distributions' KL registry computes the pair: exact, a truncated series, an upper bound, Monte Carlo, or closed-form terms plus quadrature.</param>
public sealed record IrKlTerm(string Target, double Weight, IrLaw Posterior, IrLaw Prior, KlMethod Method)
{
    /// <summary>The same term reading <paramref name="map"/>[k] wherever it read k.</summary>
    public IrKlTerm Remap(Func<int, int> map) => this with { Posterior = Posterior.Remap(map), Prior = Prior.Remap(map) };
}
