using System.Collections.Immutable;
using GateDsl.Language.Text;

namespace GateDsl.Language.Binding;

/// <summary><c>value x</c> or <c>value (x, y)</c>: what a distribution returns, element by element.</summary>
public sealed record BoundValueStatement(ImmutableArray<BoundExpr> Values, TextSpan Span) : BoundStatement(Span);
