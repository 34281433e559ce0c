using System.Diagnostics;
using GateDsl.Training.Runs;
using GateDsl.Training.Tasks;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace GateDsl.Cli.Commands;

/// <summary>
/// Training progress on a terminal with Spectre.Console: a live panel (epoch and batch bars, loss,
/// NLL or accuracy, KL, steps per second, time left) redrawn a few times a second, with each finished
/// epoch and every message printed above it.
/// </summary>
internal sealed class LiveTrainingDisplay : ITrainingObserver
{
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromMilliseconds(200);

    private readonly IAnsiConsole console;
    private readonly Stopwatch sinceRefresh = Stopwatch.StartNew();
    private LiveDisplayContext? live;
    private TaskMetric metric;
    private int epochs;
    private string title = "starting";

    public LiveTrainingDisplay(TextWriter writer)
    {
        console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = InteractionSupport.Yes,
        });
    }

    /// <summary>Runs <paramref name="work"/> with the live panel on screen.</summary>
    public T Show<T>(Func<T> work) =>
        console.Live(new Text("starting...")).AutoClear(false).Start(context =>
        {
            live = context;
            try
            {
                return work();
            }
            finally
            {
                live = null;
            }
        });

    public void RunStarted(RunInfo info)
    {
        metric = info.Metric;
        epochs = info.Settings.Epochs;
        title = $"{info.Cell} on {info.Settings.Task}";
        console.MarkupLine($"[bold]{Markup.Escape(ProgressText.Header(info))}[/]");
        foreach (var line in ProgressText.Details(info))
        {
            console.WriteLine(line);
        }
    }

    public void BatchCompleted(BatchReport report)
    {
        if (live is null || (sinceRefresh.Elapsed < RefreshEvery && report.Batch < report.Batches))
        {
            return;
        }

        sinceRefresh.Restart();
        live.UpdateTarget(Panel(report));
        live.Refresh();
    }

    public void EpochCompleted(EpochRecord record, bool isBest)
    {
        var line = Markup.Escape(ProgressText.Epoch(record, epochs, metric, isBest));
        console.MarkupLine(isBest ? $"[green]{line}[/]" : line);
    }

    public void Message(string text) => console.MarkupLine($"[grey]{Markup.Escape(text)}[/]");

    private IRenderable Panel(BatchReport report)
    {
        var grid = new Grid().AddColumn().AddColumn();
        var doneEpochs = report.Epoch - 1 + ((double)report.Batch / report.Batches);
        grid.AddRow(new Text($"epoch {report.Epoch}/{report.Epochs}"), Bar(doneEpochs, report.Epochs));
        grid.AddRow(new Text($"batch {report.Batch}/{report.Batches}"), Bar(report.Batch, report.Batches));
        grid.AddRow(new Text("this epoch"), new Text(ProgressText.Scores(report.Running, metric)));
        grid.AddRow(
            new Text("speed"),
            new Text($"{report.StepsPerSecond.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)} steps/s, {ProgressText.Left(report.SecondsLeft)}"));
        return new Panel(grid).Header(Markup.Escape(title)).Border(BoxBorder.Rounded);
    }

    private static IRenderable Bar(double value, double max)
    {
        const int Width = 40;
        var filled = (int)Math.Clamp(Math.Round(Width * value / Math.Max(max, 1e-9)), 0, Width);
        return new Markup($"[green]{new string('━', filled)}[/][grey]{new string('━', Width - filled)}[/] {100 * value / Math.Max(max, 1e-9):F0}%");
    }
}
