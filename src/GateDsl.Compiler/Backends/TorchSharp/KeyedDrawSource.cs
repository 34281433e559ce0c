using GateDsl.Language.Binding;
using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Compiler.Backends.TorchSharp;

/// <summary>
/// Gives every draw its own generator, seeded from (seed, layer, step, draw), so a draw's value does
/// not depend on what was drawn before it: two implementations of one cell that ask for the same
/// keys with the same parameters get identical draws and gradients, whatever order they draw in.
/// Slower than <see cref="TorchDrawSource"/> (a generator per draw); meant for tests and audits.
/// </summary>
public sealed class KeyedDrawSource : IDrawSource
{
    private readonly ulong _seed;

    /// <summary>Creates a source for <paramref name="seed"/>.</summary>
    public KeyedDrawSource(ulong seed) => _seed = seed;

    /// <inheritdoc />
    public Tensor Draw(DrawKey key, PrimitiveKind law, IReadOnlyList<Tensor> parameters)
    {
        using var generator = new Generator(Mix(_seed, key), parameters[0].device);
        return PrimitiveSamplers.RSample(law, parameters, generator);
    }

    /// <inheritdoc />
    public Tensor DrawLogGamma(DrawKey key, Tensor shape)
    {
        using var generator = new Generator(Mix(_seed, key), shape.device);
        return PrimitiveSamplers.LogStandardGamma(shape, generator);
    }

    /// <summary>SplitMix64 over the key's fields: distinct keys give unrelated seeds.</summary>
    private static ulong Mix(ulong seed, DrawKey key)
    {
        var x = seed;
        foreach (var part in new[] { (ulong)key.Layer, (ulong)key.Step, (ulong)key.Draw })
        {
            x = SplitMix(x ^ SplitMix(part + 0x9E3779B97F4A7C15UL));
        }

        return x;
    }

    private static ulong SplitMix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
