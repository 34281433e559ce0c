namespace GateDsl.Training.Compare;

/// <summary>One cell of a comparison: its size and the spread of its test metric over the seeds that completed.</summary>
/// <param name="Cell">The cell.</param>
/// <param name="Implementation">What computed it.</param>
/// <param name="HiddenSize">H.</param>
/// <param name="Parameters">Learnable parameters of the whole model.</param>
/// <param name="Completed">Runs that completed (the statistics use only these).</param>
/// <param name="Mean">Mean test metric, or null without completed runs.</param>
/// <param name="StandardDeviation">Sample standard deviation (n - 1), or null with fewer than 2 completed runs.</param>
/// <param name="Min">Smallest test metric.</param>
/// <param name="Max">Largest test metric.</param>
public sealed record CompareRow(string Cell, string Implementation, int HiddenSize, long Parameters, int Completed, double? Mean, double? StandardDeviation, double? Min, double? Max);
