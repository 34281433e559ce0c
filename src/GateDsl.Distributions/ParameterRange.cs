namespace GateDsl.Distributions;

/// <summary>The range a distribution parameter must lie in; <see cref="ParameterValidation"/> checks it.</summary>
internal enum ParameterRange
{
    /// <summary>Finite and &gt; 0 (shapes, rates, scales, temperatures).</summary>
    Positive,

    /// <summary>Finite (locations, logits, interval ends).</summary>
    Finite,
}
