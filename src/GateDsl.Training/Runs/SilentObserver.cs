namespace GateDsl.Training.Runs;

/// <summary>An observer that ignores everything (tests, and runs whose progress nobody watches).</summary>
public sealed class SilentObserver : ITrainingObserver
{
    /// <summary>The shared instance.</summary>
    public static SilentObserver Instance { get; } = new();

    /// <inheritdoc/>
    public void RunStarted(RunInfo info)
    {
    }

    /// <inheritdoc/>
    public void BatchCompleted(BatchReport report)
    {
    }

    /// <inheritdoc/>
    public void EpochCompleted(EpochRecord record, bool isBest)
    {
    }

    /// <inheritdoc/>
    public void Message(string text)
    {
    }
}
