namespace GateDsl.Training.Compare;

/// <summary>What compare.json holds: the command, the task and metric, a row per cell and every run with its command.</summary>
/// <param name="Command">The <c>gatec compare</c> command.</param>
/// <param name="Task">The task.</param>
/// <param name="Metric">The metric compared.</param>
/// <param name="HigherIsBetter">Whether a larger metric is better (accuracy).</param>
/// <param name="MatchParameters">The parameter target, when sizes were matched.</param>
/// <param name="Rows">One row per cell, in the order given.</param>
/// <param name="Runs">Every run, cell by cell and seed by seed.</param>
public sealed record CompareReport(string Command, string Task, string Metric, bool HigherIsBetter, long? MatchParameters, IReadOnlyList<CompareRow> Rows, IReadOnlyList<CompareRun> Runs);
