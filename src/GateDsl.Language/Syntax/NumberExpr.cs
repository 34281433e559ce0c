using System.Collections.Immutable;
using GateDsl.Language.Text;

namespace GateDsl.Language.Syntax;

/// <summary>A number literal; <paramref name="Text"/> keeps how it was written (1e-3 stays 1e-3).</summary>
public sealed record NumberExpr(double Value, string Text, TextSpan Span) : Expr(Span);
