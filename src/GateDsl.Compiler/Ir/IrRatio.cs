using System.Collections.Immutable;

namespace GateDsl.Compiler.Ir;

/// <summary>
/// A ratio of sums of Gamma draws, S_num / (S_num + S_rest), over distinct <see cref="IrDraw"/>s of
/// Gamma with one common rate and parameters that depend on no draw: what lowering makes of every
/// Gamma ratio the law inference recognises (a Beta, or a gate of an Olkin-Liu or five-Gamma pair).
/// A backend forms it from the draws' logarithms, sigmoid(lse(log num) - lse(log rest)), so that
/// draws too small for the dtype (a shape of 1e-3 gives G &lt; 1e-308 half the time) still give the
/// right value near 0 or 1 instead of 0/0.
/// </summary>
/// <param name="Numerator">Instruction indices of the draws in the numerator.</param>
/// <param name="Rest">Instruction indices of the other draws of the denominator.</param>
public sealed record IrRatio(EquatableArray<int> Numerator, EquatableArray<int> Rest) : IrNode
{
    /// <inheritdoc />
    public override IEnumerable<int> Operands => Numerator.Concat(Rest);

    /// <inheritdoc />
    public override IrNode Remap(Func<int, int> map) =>
        new IrRatio(Numerator.Items.Select(map).ToImmutableArray(), Rest.Items.Select(map).ToImmutableArray());
}
