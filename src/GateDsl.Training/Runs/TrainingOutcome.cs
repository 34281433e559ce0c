namespace GateDsl.Training.Runs;

/// <summary>How a training session ended and what it wrote.</summary>
/// <param name="Status">Completed, interrupted or diverged.</param>
/// <param name="Message">One line for the user (why it stopped, where to resume from), or empty.</param>
/// <param name="Metrics">The run's metrics (also in metrics.json).</param>
/// <param name="OutputFolder">The run folder.</param>
public sealed record TrainingOutcome(RunStatus Status, string Message, RunMetrics Metrics, string OutputFolder);
