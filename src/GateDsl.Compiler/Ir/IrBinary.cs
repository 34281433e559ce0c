using GateDsl.Language.Syntax;

namespace GateDsl.Compiler.Ir;

/// <summary>
/// left op right for + - * / ^. Lowering orders the operands of + and * by index, so a + b and
/// b + a are one instruction.
/// </summary>
/// <param name="Operator">The operator.</param>
/// <param name="Left">Instruction index of the left operand.</param>
/// <param name="Right">Instruction index of the right operand.</param>
public sealed record IrBinary(BinaryOperator Operator, int Left, int Right) : IrNode
{
    /// <inheritdoc />
    public override IEnumerable<int> Operands => [Left, Right];

    /// <inheritdoc />
    public override IrNode Remap(Func<int, int> map) => this with { Left = map(Left), Right = map(Right) };
}
