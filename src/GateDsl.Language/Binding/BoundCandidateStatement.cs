using GateDsl.Language.Text;

namespace GateDsl.Language.Binding;

/// <summary><c>candidate = value</c>: the cell input g_t.</summary>
public sealed record BoundCandidateStatement(BoundExpr Value, TextSpan Span) : BoundStatement(Span);
