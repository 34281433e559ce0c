namespace GateDsl.Compiler.Backends.TorchSharp.Fused;

/// <summary>The streams of one row of one step (<see cref="StreamLayout"/>).</summary>
/// <param name="Key">The layer's and sequence's stream key.</param>
/// <param name="Step">The time step.</param>
/// <param name="Batch">B, rows of the step.</param>
/// <param name="Row">b, this row.</param>
internal readonly record struct RowStreams(ulong Key, long Step, long Batch, long Row)
{
    /// <summary>The counter of unit <paramref name="unit"/> of draw <paramref name="draw"/> for rows of <paramref name="hidden"/> units.</summary>
    public ulong Counter(int draw, long hidden, long unit) => StreamLayout.Counter(Step, draw, Batch, hidden, Row, unit);
}
