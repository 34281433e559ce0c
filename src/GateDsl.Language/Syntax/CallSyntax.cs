using System.Collections.Immutable;
using GateDsl.Language.Text;

namespace GateDsl.Language.Syntax;

/// <summary><c>Name(args)</c> after <c>~</c>: a distribution applied to arguments.</summary>
public sealed record CallSyntax(Identifier Callee, ImmutableArray<Expr> Arguments, TextSpan Span) : SyntaxNode(Span);
