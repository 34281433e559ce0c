using System.Collections.Immutable;
using GateDsl.Language.Text;

namespace GateDsl.Language.Syntax;

/// <summary><c>candidate = expr</c>: the cell input g_t.</summary>
public sealed record CandidateStatement(Expr Value, TextSpan Span) : Statement(Span);
