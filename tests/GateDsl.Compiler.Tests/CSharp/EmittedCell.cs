using GateDsl.Compiler.Backends.TorchSharp;
using GateDsl.Language.Binding;
using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Compiler.Tests.CSharp;

/// <summary>
/// An instance of an emitted class, reached through its base type and, for the members it adds
/// (<c>Kl</c>, <c>Draw</c>, <c>DrawGenerator</c>), through reflection: the test assembly cannot name
/// types that Roslyn compiled at run time.
/// </summary>
internal sealed class EmittedCell : IDisposable
{
    public EmittedCell(object instance) => Module = (nn.Module<Tensor, Tensor, Tensor, (Tensor H, Tensor C)>)instance;

    /// <summary>The module.</summary>
    public nn.Module<Tensor, Tensor, Tensor, (Tensor H, Tensor C)> Module { get; }

    /// <summary>The accumulated prior KL.</summary>
    public Tensor Kl => (Tensor)Property("Kl").GetValue(Module)!;

    /// <summary>Whether the class has a draw hook (cells that draw nothing have none).</summary>
    public bool HasDrawHook => Module.GetType().GetProperty("Draw") is not null;

    /// <summary>Sets the generator of the default draws.</summary>
    public Generator? DrawGenerator
    {
        set => Property("DrawGenerator").SetValue(Module, value);
    }

    /// <summary>Points the draw hook at <paramref name="source"/>, each draw keyed as the compiled cell keys it.</summary>
    public void DrawFrom(IDrawSource source)
    {
        Func<int, long, long, int, string, IReadOnlyList<Tensor>, Tensor> draw =
            (layer, sequence, step, id, law, parameters) => law == "LogGamma"
                ? source.DrawLogGamma(new DrawKey(layer, sequence, step, id), parameters[0])
                : source.Draw(new DrawKey(layer, sequence, step, id), Enum.Parse<PrimitiveKind>(law), parameters);
        var hook = Property("Draw");
        hook.SetValue(Module, draw.Method.CreateDelegate(hook.PropertyType, draw.Target));
    }

    /// <summary>Calls <c>BeginSequence()</c>.</summary>
    public void BeginSequence() => Module.GetType().GetMethod("BeginSequence")!.Invoke(Module, null);

    /// <inheritdoc />
    public void Dispose() => Module.Dispose();

    private System.Reflection.PropertyInfo Property(string name) =>
        Module.GetType().GetProperty(name) ?? throw new InvalidOperationException($"the emitted {Module.GetType().Name} has no {name}");
}
