using System.Collections.Immutable;
using GateDsl.Language.Text;

namespace GateDsl.Language.Syntax;

/// <summary><c>const name = expr</c>: a compile-time constant.</summary>
public sealed record ConstStatement(Identifier Name, Expr Value, TextSpan Span) : Statement(Span);
