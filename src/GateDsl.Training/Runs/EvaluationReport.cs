namespace GateDsl.Training.Runs;

/// <summary>A checkpoint re-scored by <see cref="Evaluator"/>.</summary>
/// <param name="Checkpoint">The checkpoint file.</param>
/// <param name="Cell">Its cell.</param>
/// <param name="Task">Its task.</param>
/// <param name="Epoch">The epoch whose weights it holds.</param>
/// <param name="Metric">What the metric is.</param>
/// <param name="Valid">The validation part.</param>
/// <param name="Test">The test part.</param>
public sealed record EvaluationReport(string Checkpoint, string Cell, string Task, int Epoch, string Metric, SplitMetrics Valid, SplitMetrics Test);
