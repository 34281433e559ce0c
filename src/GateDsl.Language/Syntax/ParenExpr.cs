using System.Collections.Immutable;
using GateDsl.Language.Text;

namespace GateDsl.Language.Syntax;

/// <summary><c>(x)</c>, kept so that the formatter writes the parentheses the user wrote.</summary>
public sealed record ParenExpr(Expr Inner, TextSpan Span) : Expr(Span);
