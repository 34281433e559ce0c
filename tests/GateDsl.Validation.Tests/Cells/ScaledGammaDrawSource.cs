using GateDsl.Compiler.Backends.TorchSharp;
using GateDsl.Language.Binding;
using static TorchSharp.torch;

namespace GateDsl.Validation.Tests.Cells;

/// <summary>
/// A deliberately wrong draw source: every Gamma shape multiplied by <paramref name="factor"/>, in
/// plain draws and in the log draws compiled Gamma ratios are formed from (power tests).
/// </summary>
internal sealed class ScaledGammaDrawSource(ulong seed, double factor) : IDrawSource
{
    private readonly TorchDrawSource _inner = new(seed);

    public Tensor Draw(DrawKey key, PrimitiveKind law, IReadOnlyList<Tensor> parameters) =>
        law == PrimitiveKind.Gamma
            ? _inner.Draw(key, law, [parameters[0].mul(factor), .. parameters.Skip(1)])
            : _inner.Draw(key, law, parameters);

    public Tensor DrawLogGamma(DrawKey key, Tensor shape) => _inner.DrawLogGamma(key, shape.mul(factor));
}
