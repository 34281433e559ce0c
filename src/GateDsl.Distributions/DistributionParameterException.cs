namespace GateDsl.Distributions;

/// <summary>
/// A distribution was given a parameter value outside its range (e.g. <c>Uniform(2, 1)</c>, a
/// negative Gamma shape). Thrown by the samplers' parameter validation only, so callers can tell a
/// user's bad parameter value from other <see cref="ArgumentException"/>s (which may be bugs).
/// The message is one line naming the distribution, the parameter, its range and the bad value;
/// <see cref="ArgumentException.ParamName"/> is the parameter, and unlike
/// <see cref="ArgumentException"/> the message does not repeat it as " (Parameter 'x')".
/// </summary>
public sealed class DistributionParameterException : ArgumentException
{
    private readonly string? _message;

    /// <summary>Creates the exception with its one-line message and the parameter's name.</summary>
    public DistributionParameterException(string message, string parameterName)
        : base(message, parameterName)
    {
        _message = message;
    }

    /// <summary>The one-line message, without ArgumentException's " (Parameter 'x')" suffix.</summary>
    public override string Message => _message ?? base.Message;

    /// <summary>Creates the exception with a message.</summary>
    public DistributionParameterException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public DistributionParameterException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public DistributionParameterException()
    {
    }
}
