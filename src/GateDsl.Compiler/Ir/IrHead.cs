namespace GateDsl.Compiler.Ir;

/// <summary>
/// Head <paramref name="Index"/> of the fused affine map: rows Index*H .. (Index+1)*H - 1 of
/// W_ih x_t + W_hh h_{t-1} + b. Real-valued.
/// </summary>
/// <param name="Index">0 .. K-1.</param>
public sealed record IrHead(int Index) : IrNode
{
    /// <inheritdoc />
    public override IEnumerable<int> Operands => [];

    /// <inheritdoc />
    public override IrNode Remap(Func<int, int> map) => this;
}
