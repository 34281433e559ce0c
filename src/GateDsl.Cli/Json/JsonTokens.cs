using GateDsl.Compiler.Ir;
using GateDsl.Distributions;

namespace GateDsl.Cli.Json;

/// <summary>How enumerations read in gatec's JSON: camelCase words, stable for other tools (documented in the README).</summary>
public static class JsonTokens
{
    /// <summary>deterministic, sampled, exactMean, plugInMean, exactMode or plugInMode.</summary>
    public static string Of(GateEvaluation evaluation) => evaluation switch
    {
        GateEvaluation.Deterministic => "deterministic",
        GateEvaluation.Sampled => "sampled",
        GateEvaluation.ExactMean => "exactMean",
        GateEvaluation.PlugInMean => "plugInMean",
        GateEvaluation.ExactMode => "exactMode",
        GateEvaluation.PlugInMode => "plugInMode",
        _ => throw new ArgumentOutOfRangeException(nameof(evaluation), evaluation, null),
    };

    /// <summary>closedForm, truncatedSeries, upperBound, monteCarlo or quadrature.</summary>
    public static string Of(KlMethod method) => method switch
    {
        KlMethod.Exact => "closedForm",
        KlMethod.TruncatedSeries => "truncatedSeries",
        KlMethod.UpperBound => "upperBound",
        KlMethod.MonteCarlo => "monteCarlo",
        KlMethod.Quadrature => "quadrature",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
    };

    /// <summary>The evaluation kind a token names (the inverse of <see cref="Of(GateEvaluation)"/>).</summary>
    /// <exception cref="ArgumentException">Not one of its tokens.</exception>
    public static GateEvaluation ParseGateEvaluation(string token) =>
        Enum.GetValues<GateEvaluation>().Where(e => Of(e) == token).Select(e => (GateEvaluation?)e).SingleOrDefault()
            ?? throw new ArgumentException($"'{token}' is not an evaluation token", nameof(token));

    /// <summary>The KL method a token names (the inverse of <see cref="Of(KlMethod)"/>).</summary>
    /// <exception cref="ArgumentException">Not one of its tokens.</exception>
    public static KlMethod ParseKlMethod(string token) =>
        Enum.GetValues<KlMethod>().Where(m => Of(m) == token).Select(m => (KlMethod?)m).SingleOrDefault()
            ?? throw new ArgumentException($"'{token}' is not a KL method token", nameof(token));
}
