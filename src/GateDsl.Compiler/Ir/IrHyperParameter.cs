namespace GateDsl.Compiler.Ir;

/// <summary>A cell hyperparameter and the value lowering folded in.</summary>
/// <param name="Name">As declared (<c>p</c>, <c>temperature</c>).</param>
/// <param name="Value">The default, or the value given at creation.</param>
/// <param name="IsDefault">Whether <paramref name="Value"/> is the declared default.</param>
public sealed record IrHyperParameter(string Name, double Value, bool IsDefault);
