namespace GateDsl.Compiler.Ir;

/// <summary>-x.</summary>
/// <param name="Operand">Instruction index of x.</param>
public sealed record IrNegate(int Operand) : IrNode
{
    /// <inheritdoc />
    public override IEnumerable<int> Operands => [Operand];

    /// <inheritdoc />
    public override IrNode Remap(Func<int, int> map) => this with { Operand = map(Operand) };
}
