using System.Collections.Immutable;
using GateDsl.Language.Text;

namespace GateDsl.Language.Syntax;

/// <summary><c>value expr</c>: what a distribution returns (a tuple for joint laws).</summary>
public sealed record ValueStatement(Expr Value, TextSpan Span) : Statement(Span);
