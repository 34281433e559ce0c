using GateDsl.Language.Binding;
using TorchSharp;
using static TorchSharp.torch;

namespace GateDsl.Compiler;

/// <summary>
/// The values of one distribution body while it is evaluated: its arguments, and each let and
/// draw as the body defines them. Symbols are keyed by reference, as the binder made them, so a
/// local that shadows a file constant can never be confused with it.
/// </summary>
internal sealed class EvaluationScope
{
    private readonly Dictionary<Symbol, Tensor> _arguments = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Symbol, Tensor[]> _values = new(ReferenceEqualityComparer.Instance);

    /// <summary>Creates the scope of a body called with <paramref name="arguments"/> (one per parameter).</summary>
    public EvaluationScope(BoundDistribution distribution, IReadOnlyList<Tensor> arguments, Device device)
    {
        Device = device;
        for (var i = 0; i < distribution.ParameterSymbols.Length; i++)
        {
            _arguments[distribution.ParameterSymbols[i]] = arguments[i];
        }
    }

    /// <summary>Where constants are made (the device of the draws).</summary>
    public Device Device { get; }

    /// <summary>A float64 scalar on <see cref="Device"/>.</summary>
    public Tensor Constant(double value) => torch.tensor(value, ScalarType.Float64, Device);

    /// <summary>Defines a let or draw: one tensor, or one per member for a family.</summary>
    public void Define(Symbol symbol, params Tensor[] members) => _values[symbol] = members;

    /// <summary>The value of a name: an argument, a constant, or a let or draw defined earlier.</summary>
    public Tensor Lookup(Symbol symbol) => symbol switch
    {
        ParameterSymbol p => _arguments.TryGetValue(p, out var argument) ? argument : throw Missing(symbol),
        ConstSymbol { Value: { } value } => Constant(value),
        _ => _values.TryGetValue(symbol, out var members) && symbol.Family is null ? members[0] : throw Missing(symbol),
    };

    /// <summary>Member <paramref name="index"/> of a family (indices as written, e.g. g[1] is the first of g[1..5]).</summary>
    public Tensor Member(Symbol symbol, int index) =>
        symbol.Family is { } family && _values.TryGetValue(symbol, out var members)
            ? members[index - family.Low]
            : throw Missing(symbol);

    private static InvalidOperationException Missing(Symbol symbol) =>
        new($"internal error: '{symbol.Name}' ({symbol.KindName}) has no value here; the bound distribution must come from a compilation without errors.");
}
