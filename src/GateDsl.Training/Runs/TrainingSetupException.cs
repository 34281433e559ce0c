namespace GateDsl.Training.Runs;

/// <summary>A run that cannot start as asked (bad settings, <c>--resume</c> without or against a checkpoint): a usage error.</summary>
public sealed class TrainingSetupException : Exception
{
    /// <summary>Creates the error with a message saying what was expected and what came.</summary>
    public TrainingSetupException(string message)
        : base(message)
    {
    }
}
