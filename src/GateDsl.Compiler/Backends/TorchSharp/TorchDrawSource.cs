using GateDsl.Language.Binding;
using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Compiler.Backends.TorchSharp;

/// <summary>
/// The default draw source: every draw in turn from one torch generator (seeded, or torch's global
/// one), the fastest way to get independent draws. Results depend on the order of requests, which a
/// compiled cell keeps fixed: the same seed gives the same run.
/// </summary>
public sealed class TorchDrawSource : IDrawSource
{
    private readonly Generator? _generator;

    /// <summary>Draws from torch's global generator (<c>torch.manual_seed</c> seeds it).</summary>
    public TorchDrawSource()
    {
    }

    /// <summary>Draws from a generator of its own seeded with <paramref name="seed"/>, on <paramref name="device"/> (CPU when null).</summary>
    public TorchDrawSource(ulong seed, Device? device = null) => _generator = new Generator(seed, device ?? torch.CPU);

    /// <inheritdoc />
    public Tensor Draw(DrawKey key, PrimitiveKind law, IReadOnlyList<Tensor> parameters) =>
        PrimitiveSamplers.RSample(law, parameters, _generator);

    /// <inheritdoc />
    public Tensor DrawLogGamma(DrawKey key, Tensor shape) => PrimitiveSamplers.LogStandardGamma(shape, _generator);
}
