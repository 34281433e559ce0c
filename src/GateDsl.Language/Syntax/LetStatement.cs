using System.Collections.Immutable;
using GateDsl.Language.Text;

namespace GateDsl.Language.Syntax;

/// <summary><c>let name = expr</c> (or <c>let a[1..3] = expr</c>): a named deterministic value, computed once.</summary>
public sealed record LetStatement(Binder Target, Expr Value, TextSpan Span) : Statement(Span);
