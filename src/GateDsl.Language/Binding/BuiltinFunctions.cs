using System.Collections.Immutable;

namespace GateDsl.Language.Binding;

/// <summary>
/// The one catalogue of link functions: how each is written, the support of its argument and of
/// its result (the typing rules), and its value on a number (constant folding in the binder and in
/// lowering). Backends map <see cref="BuiltinFunction"/> to their own kernels.
/// </summary>
public static class BuiltinFunctions
{
    private static readonly ImmutableDictionary<string, BuiltinFunction> ByName =
        Enum.GetValues<BuiltinFunction>().ToImmutableDictionary(Name, f => f, StringComparer.Ordinal);

    /// <summary>Every function as written in the language, in declaration order (for suggestions).</summary>
    public static IReadOnlyList<string> Names { get; } = Enum.GetValues<BuiltinFunction>().Select(Name).ToArray();

    /// <summary>The function's name as written: <c>softplus</c>, <c>exp</c>, <c>log</c>, <c>sigmoid</c>, <c>tanh</c>.</summary>
    public static string Name(BuiltinFunction function) => function switch
    {
        BuiltinFunction.Softplus => "softplus",
        BuiltinFunction.Exp => "exp",
        BuiltinFunction.Log => "log",
        BuiltinFunction.Sigmoid => "sigmoid",
        BuiltinFunction.Tanh => "tanh",
        _ => throw new ArgumentOutOfRangeException(nameof(function), function, null),
    };

    /// <summary>Finds a function by its written name.</summary>
    public static bool TryParse(string name, out BuiltinFunction function) => ByName.TryGetValue(name, out function);

    /// <summary>Whether <paramref name="name"/> is a link function.</summary>
    public static bool IsFunction(string name) => ByName.ContainsKey(name);

    /// <summary>The support of the result.</summary>
    public static Support ResultSupport(BuiltinFunction function) => function switch
    {
        BuiltinFunction.Softplus or BuiltinFunction.Exp => Support.Positive,
        BuiltinFunction.Sigmoid => Support.UnitInterval,
        _ => Support.Real,
    };

    /// <summary>The support the argument must have (log needs a Positive one; the others take any Real).</summary>
    public static Support ArgumentSupport(BuiltinFunction function) =>
        function == BuiltinFunction.Log ? Support.Positive : Support.Real;

    /// <summary>
    /// The value at <paramref name="x"/> in double precision, or NaN outside the domain (log of a
    /// non-positive number). Written in the stable forms: softplus(x) = max(x, 0) + log1p(e^-|x|),
    /// sigmoid by the sign of x, so neither overflows for large |x| nor loses the tail
    /// (softplus(-40) is 4.2e-18, not 0).
    /// </summary>
    public static double Evaluate(BuiltinFunction function, double x) => function switch
    {
        BuiltinFunction.Softplus => Math.Max(x, 0) + Log1P(Math.Exp(-Math.Abs(x))),
        BuiltinFunction.Exp => Math.Exp(x),
        BuiltinFunction.Log => x > 0 ? Math.Log(x) : double.NaN,
        BuiltinFunction.Sigmoid => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x)),
        BuiltinFunction.Tanh => Math.Tanh(x),
        _ => throw new ArgumentOutOfRangeException(nameof(function), function, null),
    };

    /// <summary>
    /// log(1 + y) accurate for tiny y (Goldberg 1991, "What every computer scientist should know about
    /// floating-point arithmetic", Theorem 4): the rounding of 1 + y cancels in log(u) * y / (u - 1).
    /// </summary>
    private static double Log1P(double y)
    {
        var u = 1 + y;
        return u == 1 ? y : Math.Log(u) * y / (u - 1);
    }
}
