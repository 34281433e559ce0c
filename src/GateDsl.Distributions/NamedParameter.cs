using static TorchSharp.torch;

namespace GateDsl.Distributions;

/// <summary>
/// A distribution parameter as a constructor receives it: its name (as error messages and the GATE
/// language spell it), the caller's tensor and the range it must lie in. Declaring the three together
/// lets <see cref="ParameterSet.Create"/> align and check every family's parameters in one place.
/// </summary>
/// <param name="Name">Parameter name, e.g. <c>shape</c>.</param>
/// <param name="Value">The caller's tensor (not owned).</param>
/// <param name="Range">The range checked when the distribution validates.</param>
internal readonly record struct NamedParameter(string Name, Tensor Value, ParameterRange Range)
{
    /// <summary>A parameter that must be finite and &gt; 0.</summary>
    public static NamedParameter Positive(string name, Tensor value) => new(name, value, ParameterRange.Positive);

    /// <summary>A parameter that must be finite.</summary>
    public static NamedParameter Finite(string name, Tensor value) => new(name, value, ParameterRange.Finite);
}
