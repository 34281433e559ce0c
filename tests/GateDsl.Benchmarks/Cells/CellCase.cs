namespace GateDsl.Benchmarks.Cells;

/// <summary>One measured thing: a forward and backward pass of one batch, and its cleanup.</summary>
internal sealed record CellCase(string Name, Action Iteration, Action Cleanup);
