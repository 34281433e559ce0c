namespace GateDsl.Training.Runs;

/// <summary>Receives a run's progress; the CLI draws it live on a terminal and as plain lines otherwise.</summary>
public interface ITrainingObserver
{
    /// <summary>Before the first batch.</summary>
    void RunStarted(RunInfo info);

    /// <summary>After every training batch.</summary>
    void BatchCompleted(BatchReport report);

    /// <summary>After each epoch's validation.</summary>
    void EpochCompleted(EpochRecord record, bool isBest);

    /// <summary>A line of information (data being fetched, learning rate lowered, plots written, ...).</summary>
    void Message(string text);
}
