using GateDsl.Language.Text;

namespace GateDsl.Language.Binding;

/// <summary>A learned head (<c>linear</c>): H rows of the cell's fused affine map. Real-valued.</summary>
public sealed record BoundLinear(TextSpan Span) : BoundExpr(Support.Real, Span);
