using GateDsl.Compiler;
using GateDsl.Distributions;
using GateDsl.Language.Diagnostics;

namespace GateDsl.Cli.Sampling;

/// <summary>
/// A parameter value a sampler rejects at run time (<c>Uniform(2, 1)</c>) as a diagnostic in the
/// expression, like the binder's own: GATE0312 under the argument of the parameter the sampler
/// names, or under the whole call when it names none of the callee's parameters.
/// </summary>
internal static class RejectedParameter
{
    /// <summary>The diagnostic for <paramref name="exception"/>, raised while sampling <paramref name="call"/>.</summary>
    public static Diagnostic Diagnostic(StandaloneCall call, DistributionParameterException exception)
    {
        var parameters = call.Distribution.Parameters;
        var index = -1;
        for (var i = 0; i < parameters.Length; i++)
        {
            if (string.Equals(parameters[i].Name, exception.ParamName, StringComparison.Ordinal))
            {
                index = i;
            }
        }

        var arguments = call.Bound.ArgumentsWithDefaults;
        // A default filled in by the binder has an empty span at the end of the call: underline the call then.
        var span = index >= 0 && index < arguments.Length && arguments[index].Span.Length > 0
            ? arguments[index].Span
            : call.Bound.Span;
        return new Diagnostic(DiagnosticCatalog.ParameterValueRejected, call.Source, span, exception.Message);
    }
}
