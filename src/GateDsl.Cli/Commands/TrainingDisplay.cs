using GateDsl.Training.Runs;

namespace GateDsl.Cli.Commands;

/// <summary>
/// How train and compare show a run: Ctrl-C turned into a cancellation, and the live panel on a colour
/// terminal or plain lines otherwise (to standard error with --json, whose result is the only thing on
/// standard output).
/// </summary>
internal static class TrainingDisplay
{
    /// <summary>Runs <paramref name="work"/> with the display the context calls for.</summary>
    public static T Run<T>(CliContext context, bool json, Func<ITrainingObserver, CancellationToken, T> work)
    {
        using var ctrlC = new CtrlC(context.Error);
        if (json || !context.UseColor)
        {
            return work(new PlainTrainingDisplay(json ? context.Error : context.Out), ctrlC.Token);
        }

        var live = new LiveTrainingDisplay(context.Out);
        return live.Show(() => work(live, ctrlC.Token));
    }
}
