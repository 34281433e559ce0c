using GateDsl.Language.Binding;
using static TorchSharp.torch;

namespace GateDsl.Compiler.Backends.TorchSharp;

/// <summary>
/// Where a compiled cell's random draws come from. A cell asks for every draw of its program at every
/// step through this interface, so tests can fix every draw (<see cref="KeyedDrawSource"/> gives
/// each draw its own stream, so a hand-written cell that asks for the same keys gets the same values
/// and the same gradients).
/// </summary>
public interface IDrawSource
{
    /// <summary>
    /// One reparameterized draw per element: the result stays in the autograd graph so gradients reach
    /// the parameters (pathwise: implicit reparameterization for Gamma, location-scale for Uniform,
    /// Normal and Logistic; a Bernoulli draw carries none).
    /// </summary>
    /// <param name="key">Which draw this is.</param>
    /// <param name="law">The primitive law.</param>
    /// <param name="parameters">Its parameters in the order of <see cref="PrimitiveDistribution"/>, each already expanded to the draw's shape (for example [B, H]).</param>
    /// <returns>A tensor of the parameters' shape, dtype and device.</returns>
    Tensor Draw(DrawKey key, PrimitiveKind law, IReadOnlyList<Tensor> parameters);

    /// <summary>
    /// The natural log of one standard Gamma(shape, 1) draw per element, reparameterized: what a
    /// compiled cell forms ratios of Gamma sums from (<see cref="Ir.IrRatio"/>), since the draw itself
    /// underflows for small shapes. Same key, same draw as <see cref="Draw"/> would give in law.
    /// </summary>
    /// <param name="key">Which draw this is.</param>
    /// <param name="shape">Shapes, already expanded to the draw's shape. Range: above 0.</param>
    Tensor DrawLogGamma(DrawKey key, Tensor shape);
}
