using System.Collections.Immutable;
using GateDsl.Language.Text;

namespace GateDsl.Language.Syntax;

/// <summary><c>gate i = expr</c>: a gate as a deterministic function of heads and draws.</summary>
public sealed record GateStatement(Identifier Name, Expr Value, TextSpan Span) : Statement(Span);
