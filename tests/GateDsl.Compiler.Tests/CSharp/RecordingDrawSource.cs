using GateDsl.Compiler.Backends.TorchSharp;
using GateDsl.Language.Binding;
using static TorchSharp.torch;

namespace GateDsl.Compiler.Tests.CSharp;

/// <summary>Passes draws on to another source and records every key and law asked for, in order.</summary>
internal sealed class RecordingDrawSource : IDrawSource
{
    private readonly IDrawSource _inner;

    public RecordingDrawSource(IDrawSource inner) => _inner = inner;

    /// <summary>The draws asked for so far.</summary>
    public List<(DrawKey Key, PrimitiveKind Law)> Requests { get; } = new();

    /// <inheritdoc />
    public Tensor Draw(DrawKey key, PrimitiveKind law, IReadOnlyList<Tensor> parameters)
    {
        Requests.Add((key, law));
        return _inner.Draw(key, law, parameters);
    }

    /// <inheritdoc />
    public Tensor DrawLogGamma(DrawKey key, Tensor shape)
    {
        Requests.Add((key, PrimitiveKind.Gamma));
        return _inner.DrawLogGamma(key, shape);
    }
}
