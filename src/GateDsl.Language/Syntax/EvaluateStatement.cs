using System.Collections.Immutable;
using GateDsl.Language.Text;

namespace GateDsl.Language.Syntax;

/// <summary><c>evaluate mean|sample|mode</c>: what the cell does with draws at evaluation time.</summary>
public sealed record EvaluateStatement(Identifier Rule, TextSpan Span) : Statement(Span);
