using GateDsl.Compiler.Backends.TorchSharp.Fused;
using GateDsl.Distributions.Kernels;
using GateDsl.Language.Binding;
using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Compiler.Backends.TorchSharp;

/// <summary>
/// The draws of the fused CPU path, for the generic path: the same counter-based streams
/// (<see cref="StreamLayout"/>) and the same Gamma sampler and implicit gradient
/// (<see cref="KernelGamma"/>), so that a layer run step by step with this source and the same seed
/// computes what the fused path computes, draw for draw. [B, H] draws only (a cell's), on the CPU.
/// </summary>
public sealed class KernelDrawSource : IDrawSource
{
    private readonly ulong _seed;

    /// <summary>Creates the source of a layer whose fused path uses <paramref name="seed"/>.</summary>
    public KernelDrawSource(ulong seed) => _seed = seed;

    /// <inheritdoc />
    public Tensor DrawLogGamma(DrawKey key, Tensor shape)
    {
        var (batch, hidden) = Size(shape);
        return KernelGamma.RSample(shape, StreamLayout.Key(_seed, key.Layer, key.Sequence), StreamLayout.Counter(key.Step, key.Draw, batch, hidden, 0, 0), logSpace: true);
    }

    /// <inheritdoc />
    public Tensor Draw(DrawKey key, PrimitiveKind law, IReadOnlyList<Tensor> parameters)
    {
        var p = parameters;
        var (batch, hidden) = Size(p[0]);
        var streamKey = StreamLayout.Key(_seed, key.Layer, key.Sequence);
        Tensor Noise(Func<ulong, ulong, double> draw)
        {
            var values = new double[batch * hidden];
            var first = StreamLayout.Counter(key.Step, key.Draw, batch, hidden, 0, 0);
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = draw(streamKey, first + (ulong)i);
            }

            return torch.tensor(values, [batch, hidden], ScalarType.Float64).to(p[0].dtype, p[0].device);
        }

        using var scope = torch.NewDisposeScope();
        var result = law switch
        {
            PrimitiveKind.Gamma => (DrawLogGamma(key, p[0]) - p[1].log()).exp(),
            PrimitiveKind.Uniform => p[0] + ((p[1] - p[0]) * Noise(StreamLayout.Uniform)),
            PrimitiveKind.Normal => p[0] + (p[1] * Noise(StreamLayout.Normal)),
            PrimitiveKind.Logistic => p[0] + (p[1] * Noise((k, c) => { var u = StreamLayout.OpenUniform(k, c); return Math.Log(u / (1 - u)); })),
            _ => Noise(StreamLayout.Uniform).lt(p[0].detach()).to(p[0].dtype),
        };
        return scope.MoveToOuter(result);
    }

    private static (long Batch, long Hidden) Size(Tensor parameter) =>
        parameter.dim() == 2
            ? (parameter.shape[0], parameter.shape[1])
            : throw new ArgumentException($"KernelDrawSource draws [B, H] values of a cell, but was asked for shape [{string.Join(", ", parameter.shape)}].");
}
