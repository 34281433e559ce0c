namespace GateDsl.Cli.Commands;

/// <summary>
/// Turns the first Ctrl-C into a cancellation the trainer sees between batches (it saves last.ckpt and
/// exits cleanly); a second Ctrl-C ends the process the usual way.
/// </summary>
internal sealed class CtrlC : IDisposable
{
    private readonly CancellationTokenSource source = new();
    private readonly TextWriter error;

    public CtrlC(TextWriter error)
    {
        this.error = error;
        Console.CancelKeyPress += OnCancel;
    }

    /// <summary>Cancelled after the first Ctrl-C.</summary>
    public CancellationToken Token => source.Token;

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancel;
        source.Dispose();
    }

    private void OnCancel(object? sender, ConsoleCancelEventArgs e)
    {
        if (source.IsCancellationRequested)
        {
            return; // the second Ctrl-C: let the process end
        }

        e.Cancel = true;
        error.WriteLine("gatec: stopping after this batch and saving last.ckpt (Ctrl-C again to abort without saving)");
        source.Cancel();
    }
}
