using System.Collections.Immutable;
using GateDsl.Language.Text;

namespace GateDsl.Language.Syntax;

/// <summary><c>prior target ~ Dist(args) weight w</c>: a prior and the weight of its KL term.</summary>
public sealed record PriorStatement(PriorTarget Target, CallSyntax Distribution, Expr? Weight, TextSpan Span) : Statement(Span);
