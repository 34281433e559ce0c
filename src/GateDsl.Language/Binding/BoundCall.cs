using System.Collections.Immutable;
using GateDsl.Language.Text;

namespace GateDsl.Language.Binding;

/// <summary>A link function (softplus, exp, log, sigmoid, tanh) applied to its argument(s).</summary>
public sealed record BoundCall(BuiltinFunction Function, ImmutableArray<BoundExpr> Arguments, Support Support, TextSpan Span) : BoundExpr(Support, Span);
