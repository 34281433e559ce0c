namespace GateDsl.Training.Runs;

/// <summary>A checkpoint that cannot be used: missing, truncated, corrupt, or made for another cell, spec or task.</summary>
public sealed class CheckpointException : Exception
{
    /// <summary>Creates the error with a message that names the file and the problem.</summary>
    public CheckpointException(string message)
        : base(message)
    {
    }
}
