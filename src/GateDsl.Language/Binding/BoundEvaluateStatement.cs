using GateDsl.Language.Text;

namespace GateDsl.Language.Binding;

/// <summary><c>evaluate mean|sample|mode</c>.</summary>
public sealed record BoundEvaluateStatement(EvaluationRule Rule, TextSpan Span) : BoundStatement(Span);
