using GateDsl.Language.Text;

namespace GateDsl.Language.Binding;

/// <summary>One member <c>g[k]</c> of a family.</summary>
public sealed record BoundMember(Symbol Symbol, int Index, TextSpan Span) : BoundExpr(Symbol.Support, Span);
