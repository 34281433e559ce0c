namespace GateDsl.Compiler.Ir;

/// <summary>A number, the same for every unit (folded from constants and hyperparameters).</summary>
/// <param name="Value">A finite double.</param>
public sealed record IrConstant(double Value) : IrNode
{
    /// <inheritdoc />
    public override IEnumerable<int> Operands => [];

    /// <inheritdoc />
    public override IrNode Remap(Func<int, int> map) => this;
}
