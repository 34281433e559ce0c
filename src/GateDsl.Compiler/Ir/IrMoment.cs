namespace GateDsl.Compiler.Ir;

/// <summary>
/// The exact mean (or mode) of a known law, for evaluation where replacing each draw by its mean
/// would give something else (Kumaraswamy: that gives the median). For a joint law,
/// <paramref name="Component"/> picks the marginal (0 for X, 1 for Y).
/// </summary>
/// <param name="Kind">Mean or mode.</param>
/// <param name="Law">The law, its parameters in this program.</param>
/// <param name="Component">0 for a scalar law; the component of a joint law.</param>
public sealed record IrMoment(MomentKind Kind, IrLaw Law, int Component) : IrNode
{
    /// <inheritdoc />
    public override IEnumerable<int> Operands => Law.Parameters;

    /// <inheritdoc />
    public override IrNode Remap(Func<int, int> map) => this with { Law = Law.Remap(map) };
}
