using GateDsl.Training.Runs;
using GateDsl.Training.Tasks;

namespace GateDsl.Cli.Commands;

/// <summary>Training progress as plain lines (output redirected, NO_COLOR, --json): the settings, a line at each quarter of an epoch, one per epoch.</summary>
internal sealed class PlainTrainingDisplay(TextWriter writer) : ITrainingObserver
{
    private TaskMetric metric;
    private int epochs;

    public void RunStarted(RunInfo info)
    {
        metric = info.Metric;
        epochs = info.Settings.Epochs;
        writer.WriteLine(ProgressText.Header(info));
        writer.WriteLine($"  {ProgressText.Settings(info)}");
        writer.WriteLine($"  data: {info.Data}");
        writer.WriteLine($"  out: {info.OutputFolder}");
        if (info.StartEpoch > 1 || info.StartBatch > 0)
        {
            writer.WriteLine($"  resuming at epoch {info.StartEpoch}, after batch {info.StartBatch}");
        }
    }

    public void BatchCompleted(BatchReport report)
    {
        var quarter = Math.Max(1, report.Batches / 4);
        if (report.Batch % quarter == 0 && report.Batch < report.Batches)
        {
            writer.WriteLine($"  {ProgressText.Batch(report, metric)}");
        }
    }

    public void EpochCompleted(EpochRecord record, bool isBest) => writer.WriteLine(ProgressText.Epoch(record, epochs, metric, isBest));

    public void Message(string text) => writer.WriteLine(text);
}
