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
        foreach (var line in ProgressText.Details(info))
        {
            writer.WriteLine(line);
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
