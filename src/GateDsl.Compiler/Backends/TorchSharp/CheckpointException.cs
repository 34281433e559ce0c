namespace GateDsl.Compiler.Backends.TorchSharp;

/// <summary>A checkpoint that cannot be read (not one, truncated, corrupt) or does not fit the module it is loaded into.</summary>
public sealed class CheckpointException : IOException
{
    /// <summary>Creates the exception; the message names the file and the problem.</summary>
    public CheckpointException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
