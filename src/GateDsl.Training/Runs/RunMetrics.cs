namespace GateDsl.Training.Runs;

/// <summary>
/// Everything metrics.json holds about a run: what was run (command, cell, spec hash, versions,
/// settings), every epoch, the best-validation epoch, the test scores at that checkpoint, the gate
/// summary and how the run ended. Rewritten after every epoch.
/// </summary>
public sealed class RunMetrics
{
    /// <summary>The command line that started the run.</summary>
    public string Command { get; set; } = string.Empty;

    /// <summary>The command lines that continued it with <c>--resume</c>, in order.</summary>
    public List<string> ResumedBy { get; set; } = new();

    /// <summary>The cell trained.</summary>
    public string Cell { get; set; } = string.Empty;

    /// <summary>What computed the cell ("compiled cell (generic path)", or the fused kernel for the standard LSTM).</summary>
    public string Implementation { get; set; } = string.Empty;

    /// <summary>The spec file, as an absolute path.</summary>
    public string SpecFile { get; set; } = string.Empty;

    /// <summary>The spec hash (<see cref="Compiler.SpecHash"/>).</summary>
    public string SpecHash { get; set; } = string.Empty;

    /// <summary>Where the data came from and how it was split.</summary>
    public string Data { get; set; } = string.Empty;

    /// <summary>What the metric is ("frame NLL (nats)", "accuracy", "MSE").</summary>
    public string Metric { get; set; } = string.Empty;

    /// <summary>The settings.</summary>
    public TrainSettings? Settings { get; set; }

    /// <summary>Learnable parameters of the whole model (embedding, core, readout).</summary>
    public long Parameters { get; set; }

    /// <summary>Learnable parameters of the recurrent core alone.</summary>
    public long CoreParameters { get; set; }

    /// <summary>Versions of gatec, TorchSharp, .NET and the OS, and libtorch's thread count.</summary>
    public IReadOnlyDictionary<string, string> Versions { get; set; } = new Dictionary<string, string>();

    /// <summary>Every finished epoch.</summary>
    public List<EpochRecord> Epochs { get; set; } = new();

    /// <summary>The epoch with the lowest validation data loss, or null before the first epoch ends.</summary>
    public int? BestEpoch { get; set; }

    /// <summary>Its validation data loss.</summary>
    public double? BestValidLoss { get; set; }

    /// <summary>The test part scored at the best-validation checkpoint, once training completes.</summary>
    public SplitMetrics? Test { get; set; }

    /// <summary>Input and forget gates on the test part at the best checkpoint, when the core reports them.</summary>
    public GateSummary? Gates { get; set; }

    /// <summary>How the run ended (or <see cref="RunStatus.Running"/>).</summary>
    public RunStatus Status { get; set; }

    /// <summary>Why it stopped, when it did not complete.</summary>
    public string? Message { get; set; }

    /// <summary>Seconds spent over all sessions of the run (resumed ones included).</summary>
    public double TotalSeconds { get; set; }
}
