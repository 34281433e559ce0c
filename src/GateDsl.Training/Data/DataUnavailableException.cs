namespace GateDsl.Training.Data;

/// <summary>
/// A data set that is not on this machine and could not be fetched (no npm, no registry access, a
/// folder that does not hold the files). The message is one line that says how to get the data and
/// how to point <c>--data</c> at a copy.
/// </summary>
public sealed class DataUnavailableException : Exception
{
    /// <summary>Creates the error with its one-line message.</summary>
    public DataUnavailableException(string message)
        : base(message)
    {
    }
}
