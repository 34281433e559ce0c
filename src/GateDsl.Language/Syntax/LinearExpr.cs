using System.Collections.Immutable;
using GateDsl.Language.Text;

namespace GateDsl.Language.Syntax;

/// <summary><c>linear</c>: a learned affine head over [x_t, h_{t-1}] (H rows of the fused weight).</summary>
public sealed record LinearExpr(TextSpan Span) : Expr(Span);
