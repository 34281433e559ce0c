namespace GateDsl.Training.Runs;

/// <summary>How a run ended.</summary>
public enum RunStatus
{
    /// <summary>Still training (metrics.json is rewritten after every epoch).</summary>
    Running,

    /// <summary>Trained every epoch and scored the test part at the best-validation checkpoint.</summary>
    Completed,

    /// <summary>Stopped by Ctrl-C (or a cancellation): last.ckpt holds the state to <c>--resume</c> from.</summary>
    Interrupted,

    /// <summary>The loss or the gradient norm became NaN or infinite; the last good checkpoints are kept.</summary>
    Diverged,
}
