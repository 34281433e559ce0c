using System.Collections.Immutable;
using GateDsl.Language.Binding;

namespace GateDsl.Compiler.Ir;

/// <summary>
/// An independent draw of a primitive law for every unit, reparameterized where the law allows
/// (Bernoulli carries no gradient). <paramref name="Arguments"/> are the law's parameters in the
/// order of <see cref="PrimitiveDistribution"/> (defaults filled in): Gamma(shape, rate),
/// Uniform(low, high), Normal(mean, sd), Logistic(loc, scale), Bernoulli(p).
/// </summary>
/// <param name="Id">Distinguishes draws with equal arguments: 0, 1, ... in program order.</param>
/// <param name="Law">The primitive law.</param>
/// <param name="Arguments">Instruction indices of the parameters.</param>
public sealed record IrDraw(int Id, PrimitiveKind Law, EquatableArray<int> Arguments) : IrNode
{
    /// <inheritdoc />
    public override IEnumerable<int> Operands => Arguments;

    /// <inheritdoc />
    public override IrNode Remap(Func<int, int> map) => this with { Arguments = Arguments.Items.Select(map).ToImmutableArray() };
}
