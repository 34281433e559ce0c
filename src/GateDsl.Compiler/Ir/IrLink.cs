using GateDsl.Language.Binding;

namespace GateDsl.Compiler.Ir;

/// <summary>A link function applied to one value: softplus, exp, log, sigmoid or tanh.</summary>
/// <param name="Function">Which function (<see cref="BuiltinFunctions"/>).</param>
/// <param name="Operand">Instruction index of the argument.</param>
public sealed record IrLink(BuiltinFunction Function, int Operand) : IrNode
{
    /// <inheritdoc />
    public override IEnumerable<int> Operands => [Operand];

    /// <inheritdoc />
    public override IrNode Remap(Func<int, int> map) => this with { Operand = map(Operand) };
}
