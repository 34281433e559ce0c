using GateDsl.Language.Text;

namespace GateDsl.Language.Binding;

/// <summary>
/// A learned head (<c>linear</c>): H rows of the cell's fused affine map. Real-valued.
/// <para>
/// Heads are numbered 0..K-1 in source order. A statement over a family (<c>draw g[1..5] ~ ...</c>,
/// <c>let a[1..3] = ...</c>) whose expressions hold L heads gives its members consecutive blocks of
/// L heads: <paramref name="Head"/> is the index for the first member, and member m (0-based)
/// uses <c>Head + m * L</c>.
/// </para>
/// </summary>
/// <param name="Head">The head index (of the family's first member).</param>
/// <param name="Span">Where <c>linear</c> is written.</param>
public sealed record BoundLinear(int Head, TextSpan Span) : BoundExpr(Support.Real, Span);
