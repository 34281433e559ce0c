using GateDsl.Training.Runs;

namespace GateDsl.Training.Compare;

/// <summary>One training run of a comparison.</summary>
/// <param name="Cell">The cell.</param>
/// <param name="Seed">Its seed.</param>
/// <param name="HiddenSize">Its hidden size.</param>
/// <param name="Folder">Its run folder.</param>
/// <param name="Command">The <c>gatec train</c> command that makes the same run.</param>
/// <param name="Status">How it ended.</param>
/// <param name="Test">The test metric at the best-validation checkpoint (accuracy, or the data loss), when it completed.</param>
/// <param name="BestEpoch">The best-validation epoch.</param>
/// <param name="Epochs">Epochs trained.</param>
/// <param name="Seconds">Seconds it took.</param>
public sealed record CompareRun(string Cell, long Seed, int HiddenSize, string Folder, string Command, RunStatus Status, double? Test, int? BestEpoch, int Epochs, double Seconds);
